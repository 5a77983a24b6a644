package org.diwan.comment;

import java.util.List;

/**
 * One page of an article's published comments, in the order asked for, with the article's total
 * count and the cursors of the neighbouring pages ({@code previous} and {@code next} are null where
 * there is none). {@code marked} is the comment the page was opened for, or null.
 */
public record CommentPage(
    List<PublishedComment> comments,
    long total,
    boolean newestFirst,
    CommentCursor previous,
    CommentCursor next,
    Long marked) {

  public boolean isMarked(PublishedComment comment) {
    return marked != null && marked == comment.id();
  }

  /** Whether there is more than this page, so the page needs links to the others. */
  public boolean paged() {
    return previous != null || next != null;
  }
}
