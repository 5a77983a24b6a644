package org.diwan.staff.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the site's CSRF tokens live: in the session for anyone who has one (staff, and whoever was
 * sent to the login page), in a cookie for readers, who never get a session. A staff form's token
 * is thus bound to the session and a cookie planted by another site proves nothing; the readers'
 * comment form keeps working without a session, where a forged post can only post a comment under a
 * name the forger chooses anyway.
 */
final class SessionBoundCsrfTokens implements CsrfTokenRepository {

  private final CsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final CsrfTokenRepository cookies = new CookieCsrfTokenRepository();

  /**
   * The embed's readers over HTTPS: their page is framed by another site, where a browser sends
   * only a {@code SameSite=None; Secure} cookie, kept apart for each host site ({@code
   * Partitioned}, CHIPS) so that it follows no one from site to site.
   */
  private final CsrfTokenRepository framed = framedCookies();

  private static CsrfTokenRepository framedCookies() {
    CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
    repository.setCookieCustomizer(cookie -> cookie.sameSite("None").secure(true));
    return repository;
  }

  /**
   * Spring Security drops {@code Partitioned} on its way to the servlet cookie; Tomcat writes it.
   */
  private static HttpServletResponse partitioned(HttpServletResponse response) {
    return new HttpServletResponseWrapper(response) {
      @Override
      public void addCookie(Cookie cookie) {
        cookie.setAttribute("Partitioned", "");
        super.addCookie(cookie);
      }
    };
  }

  private CsrfTokenRepository forRequest(HttpServletRequest request) {
    if (request.getSession(false) != null) {
      return sessions;
    }
    return request.isSecure() && embedded(request) ? framed : cookies;
  }

  private static boolean embedded(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/embed") || path.startsWith("/embed/");
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return forRequest(request).generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (token == null) { // at login and logout: neither kind may survive
      sessions.saveToken(null, request, response);
      cookies.saveToken(null, request, response);
      return;
    }
    CsrfTokenRepository repository = forRequest(request);
    repository.saveToken(token, request, repository == framed ? partitioned(response) : response);
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return forRequest(request).loadToken(request);
  }
}
