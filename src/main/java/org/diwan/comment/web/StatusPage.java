package org.diwan.comment.web;

import java.util.List;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.guideline.Guideline;
import org.diwan.site.Texts;

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

  /** The edition the page is written in: the article's language. */
  public Texts t() {
    return Texts.of(comment.article().language());
  }

  /** The key of a decision's sentence, by who decided: a moderator or the screening policy. */
  public String decided(String decision) {
    return "status."
        + decision
        + (comment.decidedAutomatically() ? ".automatically" : ".byModerator");
  }
}
