package org.diwan.comment;

import java.util.Locale;

/** A decision was asked for on a comment that is no longer pending. */
public class CommentAlreadyDecided extends CommentStatusConflict {

  public CommentAlreadyDecided(long commentId, CommentStatus found) {
    super(
        "comment.already-decided",
        "Comment already decided",
        "Comment "
            + commentId
            + " is already "
            + found.name().toLowerCase(Locale.ROOT)
            + "; it was not pending.",
        found);
  }
}
