package org.diwan.staff;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An admin's request about staff or keys that cannot be carried out as asked; nothing changed. */
public class InvalidStaffRequest extends ErrorResponseException {

  public InvalidStaffRequest(HttpStatus status, String code, String detail) {
    super(status, problem(status, code, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle("Request refused");
    problem.setType(URI.create("urn:diwan:problem:" + code));
    problem.setProperty("code", code);
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
