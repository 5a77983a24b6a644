package org.diwan.comment.web;

import java.util.List;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.guideline.Guideline;

/**
 * The private status page of one comment, with the guidelines it was rejected or taken down under,
 * if any.
 */
public record StatusPage(CommentStatusView comment, List<Guideline> broken) {

  public boolean pending() {
    return comment.status() == CommentStatus.PENDING;
  }

  public boolean approved() {
    return comment.status() == CommentStatus.APPROVED;
  }

  public boolean rejected() {
    return comment.status() == CommentStatus.REJECTED;
  }

  public boolean removed() {
    return comment.status() == CommentStatus.REMOVED;
  }

  /** The article page of comments that starts with this one, scrolled to it and marked. */
  public String commentLink() {
    return comment.article().path()
        + "?comments="
        + CommentCursor.from(comment.commentId()).text()
        + "#comment-"
        + comment.commentId();
  }

  /** Who decided, as the commenter is told: a moderator, or the site's screening policy. */
  public String decider() {
    return comment.decidedAutomatically() ? "The site's automatic screening policy" : "A moderator";
  }
}
