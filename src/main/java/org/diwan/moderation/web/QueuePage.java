package org.diwan.moderation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.QueueQuery;
import org.diwan.guideline.Guideline;

/**
 * The moderation console: one queue in one order, its filters, a page of cards and the guidelines;
 * {@code next} is the {@code after} of the next page, or null.
 */
public record QueuePage(
    CommentStatus status,
    QueueQuery.Order order,
    String article,
    String email,
    List<QueueCard> cards,
    Long next,
    long pending,
    List<Guideline> guidelines) {

  /** The query string that keeps the filters, for links and the form's return address. */
  public String filters() {
    StringBuilder query = new StringBuilder("status=" + status.name());
    if (order == QueueQuery.Order.RISK) {
      query.append("&order=RISK");
    }
    if (article != null && !article.isBlank()) {
      query.append("&article=").append(URLEncoder.encode(article, StandardCharsets.UTF_8));
    }
    if (email != null && !email.isBlank()) {
      query.append("&email=").append(URLEncoder.encode(email, StandardCharsets.UTF_8));
    }
    return query.toString();
  }
}
