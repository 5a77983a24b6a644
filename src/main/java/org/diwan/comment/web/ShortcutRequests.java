package org.diwan.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.http.MediaType;

/**
 * What the comment shortcuts ({@link PublishedCommentsShortcut}, {@link CommentPostShortcut} and
 * the article form's) ask of a request before answering it without Spring MVC.
 *
 * <p>Each check says yes only where the controller is certain to read the request the same way; a
 * request it says no to is not refused, it goes on to the controller.
 */
final class ShortcutRequests {

  static final String COMMENTS_PREFIX = "/api/articles/";
  private static final String COMMENTS_SUFFIX = "/comments";

  private ShortcutRequests() {}

  /** The slug of {@code /api/articles/{slug}/comments}, or null for any other path. */
  static String commentsSlug(HttpServletRequest request) {
    return slugBetween(request, COMMENTS_PREFIX, COMMENTS_SUFFIX);
  }

  /**
   * The slug between {@code prefix} and {@code suffix} of the request's path, as a controller's
   * {@code {slug}} would bind it; null for any other path, or for a slug the controller would
   * decode.
   */
  static String slugBetween(HttpServletRequest request, String prefix, String suffix) {
    String path = request.getRequestURI();
    if (!path.startsWith(prefix)
        || !path.endsWith(suffix)
        || path.length() <= prefix.length() + suffix.length()) {
      return null;
    }
    String slug = path.substring(prefix.length(), path.length() - suffix.length());
    return plain(slug) ? slug : null;
  }

  /** A slug as it would reach the controller undecoded: no encoding, no further segments. */
  private static boolean plain(String slug) {
    for (int i = 0; i < slug.length(); i++) {
      char c = slug.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') || c > 127) {
        return false;
      }
    }
    return !slug.isEmpty();
  }

  /**
   * Whether the {@code Accept} headers, taken together, certainly admit {@code application/json}:
   * none at all, or a plain list (no quality or other parameters) naming JSON or a wildcard that
   * covers it. A weighted list is left to Spring's content negotiation.
   */
  static boolean acceptsJson(HttpServletRequest request) {
    boolean named = false;
    boolean json = false;
    for (Enumeration<String> headers = request.getHeaders("Accept"); headers.hasMoreElements(); ) {
      for (String range : headers.nextElement().split(",")) {
        String type = range.strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
          continue;
        }
        if (type.indexOf(';') >= 0) {
          return false;
        }
        named = true;
        json |=
            type.equals("*/*")
                || type.equals("application/*")
                || type.equals(MediaType.APPLICATION_JSON_VALUE);
      }
    }
    return !named || json;
  }

  /** Whether the body is declared as JSON in UTF-8 (no charset is UTF-8 for JSON). */
  static boolean jsonInUtf8(HttpServletRequest request) {
    String declared = request.getContentType();
    if (declared == null) {
      return false;
    }
    if (declared.equals(MediaType.APPLICATION_JSON_VALUE)) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(declared);
      return type.getType().equals("application")
          && type.getSubtype().equals("json")
          && type.getParameters().keySet().stream().allMatch("charset"::equals)
          && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return false; // unparseable, or a charset this JVM does not know: the controller says which
    }
  }
}
