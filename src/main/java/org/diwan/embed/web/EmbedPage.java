package org.diwan.embed.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.diwan.article.Article;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentPage;
import org.diwan.guideline.Guideline;
import org.diwan.site.Texts;

/**
 * The embed's page: a story's comment section for the host page {@code hostUrl} on {@code origin};
 * {@code statusPath} is the status page of the comment just posted, or null.
 */
public record EmbedPage(
    Texts t,
    Article article,
    String origin,
    String hostUrl,
    CommentPage shown,
    String welcome,
    List<Guideline> guidelines,
    CommentForm form,
    String csrfParameter,
    String csrfToken,
    boolean emailOffered,
    String statusPath) {

  /** Another page of the story's comments, inside the same host page. */
  public String link(CommentCursor cursor) {
    String link =
        "/embed?url=" + encoded(hostUrl) + "&origin=" + encoded(origin) + "&lang=" + t.lang();
    return cursor.kind() == CommentCursor.Kind.FIRST
        ? link
        : link + "&comments=" + encoded(cursor.text());
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
