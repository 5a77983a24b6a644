package org.diwan.comment;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/**
 * A stored comment: its text, author and article never change; only its moderation state moves,
 * from {@code PENDING} to {@code APPROVED} or {@code REJECTED}, once, from {@code APPROVED} to
 * {@code REMOVED} when it is taken down, and from {@code REJECTED} or {@code REMOVED} back to
 * {@code APPROVED} when an appeal reverses that decision. Instances are immutable: a transition
 * returns the comment in its new state.
 *
 * <p>{@code decidedAt} is when it was approved or rejected; {@code removedAt} when it was taken
 * down (null until then), and {@code codes} and {@code note} are then the take-down's. {@code
 * decidedAutomatically} says a policy, not a person, approved or rejected it.
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
    String note,
    Instant removedAt,
    boolean decidedAutomatically) {

  public Comment {
    codes = codes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(codes));
  }

  /**
   * @throws CommentAlreadyDecided if the comment is not pending
   */
  public Comment approve(Instant at, boolean automatic) {
    requirePending();
    return decided(CommentStatus.APPROVED, at, Set.of(), null, automatic);
  }

  /**
   * Rejects the comment for breaking the given guidelines; {@code note} to the commenter may be
   * null.
   *
   * @throws IllegalArgumentException if no guideline is named
   * @throws CommentAlreadyDecided if the comment is not pending
   */
  public Comment reject(Set<GuidelineCode> broken, String note, Instant at, boolean automatic) {
    requireGuideline(broken, "A rejection");
    requirePending();
    return decided(CommentStatus.REJECTED, at, broken, note, automatic);
  }

  /**
   * Takes a published comment down for breaking the given guidelines; its text stays as written.
   *
   * @throws IllegalArgumentException if no guideline is named
   * @throws CommentNotPublished if the comment is not approved (pending, rejected, or removed)
   */
  public Comment remove(Set<GuidelineCode> broken, String note, Instant at) {
    requireGuideline(broken, "A take-down");
    if (status != CommentStatus.APPROVED) {
      throw new CommentNotPublished(id, status);
    }
    return moved(CommentStatus.REMOVED, decidedAt, broken, note, at, decidedAutomatically);
  }

  /**
   * Publishes a rejected or taken-down comment again, its text untouched, because an appeal against
   * that decision was upheld in the commenter's favour (the decision reversed). The decision it
   * reverses stays on record elsewhere; here the comment is simply approved as of {@code at}, by a
   * person.
   *
   * @throws CommentNotAppealable if the comment is neither rejected nor removed
   */
  public Comment reinstate(Instant at) {
    if (status != CommentStatus.REJECTED && status != CommentStatus.REMOVED) {
      throw new CommentNotAppealable(id, status);
    }
    return moved(CommentStatus.APPROVED, at, Set.of(), null, null, false);
  }

  private Comment decided(
      CommentStatus to, Instant at, Set<GuidelineCode> broken, String why, boolean automatic) {
    return moved(to, at, broken, why, null, automatic);
  }

  /** This comment, its text untouched, in another moderation state. */
  private Comment moved(
      CommentStatus to,
      Instant decided,
      Set<GuidelineCode> broken,
      String why,
      Instant removed,
      boolean automatic) {
    return new Comment(
        id,
        articleId,
        authorName,
        authorEmail,
        text,
        submittedAt,
        to,
        decided,
        broken,
        why,
        removed,
        automatic);
  }

  private static void requireGuideline(Set<GuidelineCode> broken, String what) {
    if (broken == null || broken.isEmpty()) {
      throw new IllegalArgumentException(what + " names at least one guideline");
    }
  }

  private void requirePending() {
    if (status != CommentStatus.PENDING) {
      throw new CommentAlreadyDecided(id, status);
    }
  }
}
