package org.diwan.moderation;

import java.util.List;
import org.diwan.comment.CommentStatus;
import org.diwan.guideline.Guideline;

/** The moderation console: one queue, its filters, a page of cards and the guidelines. */
public record QueuePage(
    CommentStatus status,
    String article,
    String email,
    List<QueueCard> cards,
    Long next,
    long pending,
    List<Guideline> guidelines) {

  /** The query string that keeps the filters, for links and the form's return address. */
  public String filters() {
    StringBuilder query = new StringBuilder("status=" + status.name());
    if (article != null && !article.isBlank()) {
      query
          .append("&article=")
          .append(java.net.URLEncoder.encode(article, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (email != null && !email.isBlank()) {
      query
          .append("&email=")
          .append(java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
    }
    return query.toString();
  }
}
