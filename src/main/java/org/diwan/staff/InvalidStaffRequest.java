package org.diwan.staff;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An admin's request about staff or keys that cannot be carried out as asked; nothing changed. */
public class InvalidStaffRequest extends ErrorResponseException {

  public InvalidStaffRequest(HttpStatus status, String code, String detail) {
    super(status, problem(status, code, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    return Problems.of(status, code, "Request refused", detail);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
