package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.diwan.site.Assets;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers keep the site's stylesheets and scripts. Asked for at the address a page gives
 * ({@link Assets#url}, with the file's current hash), a file never changes: a year, immutable.
 * Asked for without it, or with an old hash, it may change with the next release: the browser asks
 * again each time and gets a 304 while it is unchanged. Without this the security headers' default,
 * no-store, would have every page view download them again.
 */
@Component
class StaticCaching extends OncePerRequestFilter {

  static final String FOREVER = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.startsWith("/css/") || path.startsWith("/js/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String asked = request.getParameter("v");
    String current = Assets.version(request.getRequestURI());
    boolean fixed = asked != null && !current.isEmpty() && asked.equals(current);
    response.setHeader(HttpHeaders.CACHE_CONTROL, fixed ? FOREVER : REVALIDATE);
    chain.doFilter(request, response);
  }
}
