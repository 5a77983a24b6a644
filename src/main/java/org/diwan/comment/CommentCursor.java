package org.diwan.comment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of an article's published comments starts, as its address carries it ({@code
 * ?comments=…}): the first page; the page after, or before, a comment in the page's order; the page
 * that starts with a comment; or the last page. Pages are found by the comments' ids, never by
 * counting from the start, so the last page of a long thread costs what the first does.
 */
public record CommentCursor(Kind kind, long commentId) {

  /** Which page, relative to {@code commentId} where one is named. */
  public enum Kind {
    FIRST,
    AFTER,
    BEFORE,
    FROM,
    LAST
  }

  private static final Pattern NAMED = Pattern.compile("(after|before|from)-([1-9][0-9]{0,17})");

  public static final CommentCursor FIRST = new CommentCursor(Kind.FIRST, 0);
  public static final CommentCursor LAST = new CommentCursor(Kind.LAST, 0);

  public static CommentCursor after(long commentId) {
    return new CommentCursor(Kind.AFTER, commentId);
  }

  public static CommentCursor before(long commentId) {
    return new CommentCursor(Kind.BEFORE, commentId);
  }

  public static CommentCursor from(long commentId) {
    return new CommentCursor(Kind.FROM, commentId);
  }

  /** Whether the cursor names a comment, which must then be one of the article's. */
  public boolean namesAComment() {
    return kind == Kind.AFTER || kind == Kind.BEFORE || kind == Kind.FROM;
  }

  /**
   * Reads a cursor as {@link #text()} writes it; null or blank is the first page, anything else
   * that is not a cursor is empty.
   */
  public static Optional<CommentCursor> parse(String text) {
    if (text == null || text.isBlank() || text.equals("first")) {
      return Optional.of(FIRST);
    }
    if (text.equals("last")) {
      return Optional.of(LAST);
    }
    Matcher named = NAMED.matcher(text);
    if (!named.matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(named.group(2));
    return Optional.of(
        switch (named.group(1)) {
          case "after" -> after(id);
          case "before" -> before(id);
          default -> from(id);
        });
  }

  /** The cursor as an address carries it: {@code after-123}, {@code last}, … */
  public String text() {
    return switch (kind) {
      case FIRST -> "first";
      case LAST -> "last";
      case AFTER -> "after-" + commentId;
      case BEFORE -> "before-" + commentId;
      case FROM -> "from-" + commentId;
    };
  }
}
