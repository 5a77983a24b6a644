package org.diwan.comment;

import java.util.Locale;

/** An appeal's reversal was asked of a comment that is neither rejected nor removed. */
public class CommentNotAppealable extends CommentStatusConflict {

  public CommentNotAppealable(long commentId, CommentStatus found) {
    super(
        "comment.not-appealable",
        "Comment not appealable",
        "Comment "
            + commentId
            + " is "
            + found.name().toLowerCase(Locale.ROOT)
            + "; only a rejected or removed comment can be reinstated.",
        found);
  }
}
