package org.diwan.comment;

/**
 * Which comments a moderator wants to see. {@code articleSlug} and {@code email} are optional
 * filters (null or blank: any). By age, pending comments come oldest first and decided ones newest
 * first, and {@code after} is the last id of the previous page (0 for the first); by risk, the
 * highest screening risk comes first and {@code after} counts the comments already shown.
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
