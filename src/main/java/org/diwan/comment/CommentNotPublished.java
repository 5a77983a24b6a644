package org.diwan.comment;

import java.util.Locale;

/** A take-down was asked for on a comment that is not published (pending, rejected, removed). */
public class CommentNotPublished extends CommentStatusConflict {

  public CommentNotPublished(long commentId, CommentStatus found) {
    super(
        "comment.not-published",
        "Comment not published",
        "Comment "
            + commentId
            + " is "
            + found.name().toLowerCase(Locale.ROOT)
            + ", not published: only a published comment can be removed.",
        found);
  }
}
