package org.diwan.comment;

/**
 * Which comments a moderator wants to see. {@code articleSlug} and {@code email} are optional
 * filters (null or blank: any); {@code after} is the cursor, the last id of the previous page (0
 * for the first). Pending comments come oldest first, decided ones newest first.
 */
public record QueueQuery(
    CommentStatus status, String articleSlug, String email, long after, int limit) {

  public boolean newestFirst() {
    return status != CommentStatus.PENDING;
  }
}
