package org.diwan.comment;

/**
 * Which comments a moderator wants to see. {@code articleSlug} and {@code email} are optional
 * filters (null or blank: any). By age, pending comments come oldest first and decided ones newest
 * first; by risk, the highest screening risk comes first, ties oldest first. Either way {@code
 * after} is the id of the last comment of the previous page (0 for the first).
 */
public record QueueQuery(
    CommentStatus status, String articleSlug, String email, long after, int limit, Order order) {

  /** How a queue is ordered. */
  public enum Order {
    AGE,
    RISK
  }

  public QueueQuery(CommentStatus status, String articleSlug, String email, long after, int limit) {
    this(status, articleSlug, email, after, limit, Order.AGE);
  }

  public boolean newestFirst() {
    return status != CommentStatus.PENDING;
  }
}
