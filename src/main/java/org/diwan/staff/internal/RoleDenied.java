package org.diwan.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.diwan.site.ErrorPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a signed-in member of staff who opens a page their roles do not open with a 403 page that
 * says so, instead of the wording for a refused form. A refused form (missing or stale CSRF token)
 * keeps that wording.
 */
class RoleDenied implements AccessDeniedHandler {

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    if (!(denied instanceof CsrfException)) {
      request.setAttribute(
          ErrorPage.SHOWN,
          new ErrorPage(
              HttpServletResponse.SC_FORBIDDEN,
              "This page is not open to your role",
              "Your account does not hold the role this page needs. The links in the staff bar"
                  + " lead to everything you can use; an admin can give you another role.",
              "en"));
    }
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
