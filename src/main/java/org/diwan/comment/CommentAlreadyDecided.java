package org.diwan.comment;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A decision was asked for on a comment that is no longer pending. */
public class CommentAlreadyDecided extends ErrorResponseException {

  private final CommentStatus found;

  public CommentAlreadyDecided(long commentId, CommentStatus found) {
    super(
        HttpStatus.CONFLICT,
        Problems.of(
            HttpStatus.CONFLICT,
            "comment.already-decided",
            "Comment already decided",
            "Comment "
                + commentId
                + " is already "
                + found.name().toLowerCase(Locale.ROOT)
                + "; it was not pending."),
        null);
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
