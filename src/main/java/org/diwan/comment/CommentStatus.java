package org.diwan.comment;

/** Where a comment stands in moderation. Every comment starts {@link #PENDING}. */
public enum CommentStatus {
  PENDING,
  APPROVED,
  REJECTED
}
