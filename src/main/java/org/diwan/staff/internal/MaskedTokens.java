package org.diwan.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.diwan.site.FormTokens;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * How a form's CSRF token is written into a page and read back from a post: Spring Security's
 * default, a fresh random mask over the stored token for every response (so no two answers carry
 * the same bytes, which is what keeps a compressed page's token from being guessed byte by byte,
 * see SECURITY.md), and the stored token itself handed to {@link FormTokens} for the pages'
 * validators.
 */
final class MaskedTokens implements CsrfTokenRequestHandler {

  private final XorCsrfTokenRequestAttributeHandler masks =
      new XorCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> stored) {
    masks.handle(request, response, stored);
    FormTokens.expose(request, stored);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    return masks.resolveCsrfTokenValue(request, token);
  }
}
