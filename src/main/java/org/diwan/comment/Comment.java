package org.diwan.comment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/**
 * A stored comment: its text, author and article never change; only its moderation state moves,
 * from {@code PENDING} to {@code APPROVED} or {@code REJECTED}, once. Instances are immutable: a
 * transition returns the comment in its new state.
 */
public record Comment(
    long id,
    long articleId,
    String authorName,
    String authorEmail,
    String text,
    Instant submittedAt,
    CommentStatus status,
    Instant decidedAt,
    Set<GuidelineCode> codes,
    String note) {

  public Comment {
    codes = codes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(codes));
  }

  /**
   * @throws CommentAlreadyDecided if the comment is not pending
   */
  public Comment approve(Instant at) {
    requirePending();
    return new Comment(
        id,
        articleId,
        authorName,
        authorEmail,
        text,
        submittedAt,
        CommentStatus.APPROVED,
        at,
        Set.of(),
        null);
  }

  /**
   * Rejects the comment for breaking the given guidelines; {@code note} to the commenter may be
   * null.
   *
   * @throws IllegalArgumentException if no guideline is named
   * @throws CommentAlreadyDecided if the comment is not pending
   */
  public Comment reject(Set<GuidelineCode> broken, String note, Instant at) {
    if (broken == null || broken.isEmpty()) {
      throw new IllegalArgumentException("A rejection names at least one guideline");
    }
    requirePending();
    return new Comment(
        id,
        articleId,
        authorName,
        authorEmail,
        text,
        submittedAt,
        CommentStatus.REJECTED,
        at,
        broken,
        note);
  }

  private void requirePending() {
    if (status != CommentStatus.PENDING) {
      throw new CommentAlreadyDecided(id, status);
    }
  }
}
