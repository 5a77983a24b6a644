package org.diwan.comment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.diwan.comment.internal.ApprovedCounts;
import org.diwan.comment.internal.CommentRepository;
import org.springframework.stereotype.Service;

/**
 * The approved comments of an article as anyone may read them, a page at a time, oldest or newest
 * first. Every page is found from its cursor's comment through the index, so each costs the same
 * few index steps however long the thread; the total is counted once per change ({@link
 * ApprovedCounts}). Thread-safe.
 */
@Service
public class PublishedComments {

  public static final int MAX_PAGE_SIZE = 500;

  private final CommentRepository repository;
  private final ApprovedCounts counts;

  PublishedComments(CommentRepository repository, ApprovedCounts counts) {
    this.repository = repository;
    this.counts = counts;
  }

  /**
   * The page at {@code cursor}, of at most {@code size} comments (capped at {@link
   * #MAX_PAGE_SIZE}). A page past the last comment is empty.
   *
   * @param cursorField the request parameter the cursor came in, named when it is refused
   * @throws NoSuchCommentPage (400) when the cursor names a comment that is not this article's
   */
  public CommentPage page(
      long articleId, boolean newestFirst, CommentCursor cursor, int size, String cursorField) {
    int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    if (cursor.namesAComment()
        && !repository.articleOf(cursor.commentId()).equals(Optional.of(articleId))) {
      throw NoSuchCommentPage.invalid(
          cursorField,
          "This link to a page of comments is not one this article gave out. Open the article to"
              + " read its comments from the first.");
    }
    // In the page's order "forward" is ascending ids for oldest first, descending for newest.
    boolean ascending = !newestFirst;
    long start = ascending ? 0 : Long.MAX_VALUE;
    List<PublishedComment> rows;
    boolean hasPrevious;
    boolean hasNext;
    switch (cursor.kind()) {
      case BEFORE -> {
        rows = read(articleId, cursor.commentId(), !ascending, false, limit + 1);
        hasPrevious = rows.size() > limit;
        rows = reversed(trim(rows, limit));
        hasNext = !rows.isEmpty() && beyond(articleId, last(rows), ascending);
      }
      case LAST -> {
        rows = reversed(read(articleId, ascending ? Long.MAX_VALUE : 0, !ascending, false, limit));
        hasNext = false;
        hasPrevious = !rows.isEmpty() && beyond(articleId, rows.get(0).id(), !ascending);
      }
      default -> {
        long from = cursor.kind() == CommentCursor.Kind.FIRST ? start : cursor.commentId();
        rows =
            read(articleId, from, ascending, cursor.kind() == CommentCursor.Kind.FROM, limit + 1);
        hasNext = rows.size() > limit;
        rows = trim(rows, limit);
        hasPrevious =
            cursor.kind() != CommentCursor.Kind.FIRST
                && !rows.isEmpty()
                && beyond(articleId, rows.get(0).id(), !ascending);
      }
    }
    Long marked = cursor.kind() == CommentCursor.Kind.FROM ? cursor.commentId() : null;
    return new CommentPage(
        rows,
        counts.of(articleId),
        newestFirst,
        hasPrevious ? CommentCursor.before(rows.get(0).id()) : null,
        hasNext ? CommentCursor.after(last(rows)) : null,
        marked);
  }

  /** How many comments of the article are published. */
  public long count(long articleId) {
    return counts.of(articleId);
  }

  private List<PublishedComment> read(
      long articleId, long from, boolean ascending, boolean inclusive, int limit) {
    return repository.approved(articleId, from, ascending, inclusive, limit);
  }

  /** Whether a published comment lies past {@code id} going up (or down) the ids. */
  private boolean beyond(long articleId, long id, boolean ascending) {
    return !repository.approved(articleId, id, ascending, false, 1).isEmpty();
  }

  private static long last(List<PublishedComment> rows) {
    return rows.get(rows.size() - 1).id();
  }

  private static List<PublishedComment> trim(List<PublishedComment> rows, int limit) {
    return rows.size() > limit ? rows.subList(0, limit) : rows;
  }

  private static List<PublishedComment> reversed(List<PublishedComment> rows) {
    List<PublishedComment> copy = new ArrayList<>(rows);
    Collections.reverse(copy);
    return copy;
  }
}
