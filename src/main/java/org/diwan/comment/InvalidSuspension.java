package org.diwan.comment;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A suspension a moderator asked for cannot be made as asked; nothing was stored. */
public class InvalidSuspension extends ErrorResponseException {

  public InvalidSuspension(String detail) {
    super(
        HttpStatus.BAD_REQUEST,
        Problems.of(HttpStatus.BAD_REQUEST, "suspension.invalid", "Invalid suspension", detail),
        null);
  }
}
