package org.diwan.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.diwan.site.ProblemResponses;
import org.diwan.site.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.ErrorResponseException;

/**
 * The staff API's refusals, as problems in words an integrator can act on: 401 without credentials,
 * 403 without the role, and the refusals of a bad key, a throttled login and a one-time password,
 * all written through {@link ProblemResponses}.
 */
class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemResponses responses;
  private final String area;
  private final String unauthenticated;
  private final String forbidden;

  AccessProblems(ProblemResponses responses) {
    this(
        responses,
        "auth",
        "Send an API key as 'Authorization: Bearer <key>', or a staff email and password with"
            + " HTTP Basic.",
        "Your key or account does not have the role this endpoint needs.");
  }

  /**
   * Refusals with their own words: codes {@code <area>.required} and {@code <area>.forbidden}, and
   * the details that say how to get in.
   */
  AccessProblems(
      ProblemResponses responses, String area, String unauthenticated, String forbidden) {
    this.responses = responses;
    this.area = area;
    this.unauthenticated = unauthenticated;
    this.forbidden = forbidden;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    send(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Authentication required",
        area + ".required",
        unauthenticated);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    send(request, response, HttpStatus.FORBIDDEN, "Not allowed", area + ".forbidden", forbidden);
  }

  /** Answers with the problem {@code code}; a 401 also says which credentials are taken. */
  void send(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String code,
      String detail)
      throws IOException {
    ErrorResponseException problem =
        new ErrorResponseException(status, Problems.of(status, code, title, detail), null);
    if (status == HttpStatus.UNAUTHORIZED) {
      problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"diwan\"");
    }
    responses.write(request, response, problem);
  }
}
