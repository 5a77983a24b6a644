package org.diwan.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers the API's 401 and 403 as problem+json, in words an integrator can act on. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(
        response,
        401,
        "Authentication required",
        "auth.required",
        "Send an API key as 'Authorization: Bearer <key>', or a staff email and password with"
            + " HTTP Basic.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(
        response,
        403,
        "Not allowed",
        "auth.forbidden",
        "Your key or account does not have the role this endpoint needs.");
  }

  static void write(
      HttpServletResponse response, int status, String title, String code, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"diwan\"");
    }
    response
        .getWriter()
        .write(
            "{\"type\":\"urn:diwan:problem:"
                + code
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail.replace("\"", "\\\"")
                + "\",\"code\":\""
                + code
                + "\"}");
  }
}
