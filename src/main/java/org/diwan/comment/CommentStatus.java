package org.diwan.comment;

/**
 * Where a comment stands in moderation. Every comment starts {@link #PENDING}; a moderator (or a
 * policy) approves or rejects it once, and an approved comment may later be {@link #REMOVED}.
 */
public enum CommentStatus {
  PENDING,
  APPROVED,
  REJECTED,
  /** Published, then taken down under a guideline; never shown again. */
  REMOVED
}
