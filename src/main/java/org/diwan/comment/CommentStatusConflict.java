package org.diwan.comment;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A change asked of a comment whose status does not allow it (409); {@link #found()} is the status
 * it had. Nothing was written.
 */
public abstract class CommentStatusConflict extends ErrorResponseException {

  private final CommentStatus found;

  CommentStatusConflict(String code, String title, String detail, CommentStatus found) {
    super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, code, title, detail), null);
    this.found = found;
  }

  public CommentStatus found() {
    return found;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
