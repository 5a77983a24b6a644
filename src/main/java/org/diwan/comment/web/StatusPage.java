package org.diwan.comment.web;

import java.util.List;
import org.diwan.comment.Appeal;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.guideline.Guideline;
import org.diwan.site.Texts;

/**
 * The private status page of one comment, with the guidelines it was rejected or taken down under,
 * if any, and its appeal ({@code appeal} null when none was made). {@code token} is the page's
 * secret, {@code form} the appeal form's state while it is offered.
 */
public record StatusPage(
    CommentStatusView comment,
    List<Guideline> broken,
    String token,
    Appeal appeal,
    AppealForm form) {

  /**
   * The appeal form: its CSRF field and token, the text typed (kept when it was refused) and the
   * bundle key of what was wrong with it, or null.
   */
  public record AppealForm(String csrfField, String csrfToken, String text, String error) {}

  /**
   * Whether the commenter may still appeal: the comment is rejected or removed and not appealed.
   */
  public boolean appealable() {
    return appeal == null && (rejected() || removed());
  }

  public boolean appealUpheld() {
    return appeal != null && appeal.outcome() == AppealOutcome.UPHELD;
  }

  public boolean appealReversed() {
    return appeal != null && appeal.outcome() == AppealOutcome.REVERSED;
  }

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
