package org.diwan.comment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.diwan.comment.CommentTargets;
import org.diwan.comment.NoSuchCommentPage;
import org.springframework.http.MediaType;

/**
 * Answers a plain {@code GET /api/articles/{slug}/comments} with the kept JSON of {@link
 * PublishedCommentsJson}, without the MVC dispatch (handler lookup, argument binding, content
 * negotiation, message converters) that cost several times the write of the kept bytes.
 *
 * <p>It runs after Spring Security's filters, so the request has passed the same access rules and
 * the answer carries the same security headers. It answers only what {@link CommentApi#approved}
 * would answer 200 in the same way; anything else (an unknown article, a parameter that does not
 * parse, an encoded slug, an {@code Accept} without JSON) goes on to {@link CommentApi} unchanged.
 */
class PublishedCommentsShortcut extends FastPath {

  private final CommentTargets targets;
  private final PublishedCommentsJson json;

  PublishedCommentsShortcut(CommentTargets targets, PublishedCommentsJson json) {
    this.targets = targets;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod())
        || !request.getRequestURI().startsWith(ShortcutRequests.COMMENTS_PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body;
    try {
      body = answer(request).orElse(null);
    } catch (NoSuchCommentPage refused) {
      body = null; // the controller refuses it the same way, as problem+json
    }
    if (body == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    counted();
  }

  private Optional<byte[]> answer(HttpServletRequest request) {
    String slug = ShortcutRequests.commentsSlug(request);
    if (slug == null || !ShortcutRequests.acceptsJson(request)) {
      return Optional.empty();
    }
    Long after = number(request, "after", 0);
    Long limit = number(request, "limit", 100);
    String[] order = request.getParameterValues("order");
    if (after == null
        || after < 0
        || limit == null
        || limit != limit.intValue()
        || (order != null && (order.length != 1 || !order[0].matches("oldest|newest")))) {
      return Optional.empty();
    }
    boolean newest = order != null && order[0].equals("newest");
    return targets
        .bySlug(slug)
        .map(article -> json.page(article.articleId(), after, limit.intValue(), newest));
  }

  /** The parameter as the controller binds it; null when it would not bind to a long. */
  private static Long number(HttpServletRequest request, String name, long absent) {
    String[] values = request.getParameterValues(name);
    if (values == null) {
      return absent;
    }
    if (values.length != 1) {
      return null;
    }
    try {
      return Long.parseLong(values[0].strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
