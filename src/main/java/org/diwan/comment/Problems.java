package org.diwan.comment;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem bodies this module's exceptions carry. */
final class Problems {
  private Problems() {}

  static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:diwan:problem:" + code));
    problem.setProperty("code", code);
    return problem;
  }
}
