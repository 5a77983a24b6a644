package org.diwan.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  private CsrfTokenRepository forRequest(HttpServletRequest request) {
    return request.getSession(false) != null ? sessions : cookies;
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
    forRequest(request).saveToken(token, request, response);
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return forRequest(request).loadToken(request);
  }
}
