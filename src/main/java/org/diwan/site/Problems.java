package org.diwan.site;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one way Diwan words an RFC 9457 problem: every problem carries a stable {@code code} (also
 * its {@code type}, {@code urn:diwan:problem:<code>}), a title and a detail a person can act on,
 * and a problem about input names each bad field in {@code errors: [{field, message}]}. Exceptions
 * hand these to {@link org.springframework.web.ErrorResponseException}; filters write them with
 * {@link ProblemResponses}.
 */
public final class Problems {

  /** One bad field of a request and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:diwan:problem:" + code));
    problem.setProperty("code", code);
    return problem;
  }

  /** A problem about input: {@code fieldErrors} maps each bad field to its message, in order. */
  public static ProblemDetail of(
      HttpStatusCode status,
      String code,
      String title,
      String detail,
      Map<String, String> fieldErrors) {
    ProblemDetail problem = of(status, code, title, detail);
    List<FieldError> errors =
        fieldErrors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    problem.setProperty("errors", errors);
    return problem;
  }
}
