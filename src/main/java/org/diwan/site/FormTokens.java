package org.diwan.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A request's CSRF token as it is stored (the reader's cookie, a member's session), before the
 * per-response mask every page's form carries. A page that holds a form can name it in its
 * validator: a browser's copy then stays valid exactly while the token in it still is, though the
 * masked bytes in the copy differ from those of any later answer. The security configuration
 * exposes the token for every request it checks; nothing else should need it.
 */
public final class FormTokens {

  private static final String ATTRIBUTE = FormTokens.class.getName();

  private FormTokens() {}

  /** Called by the security configuration with the request's token, loaded or made on demand. */
  public static void expose(HttpServletRequest request, Supplier<CsrfToken> stored) {
    request.setAttribute(ATTRIBUTE, stored);
  }

  /**
   * The request's stored token, made (and sent to the browser) if it had none; empty when the
   * request did not pass the site's CSRF protection (the stateless API).
   */
  public static Optional<String> stored(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Supplier<?> stored
        && stored.get() instanceof CsrfToken token) {
      return Optional.of(token.getToken());
    }
    return Optional.empty();
  }
}
