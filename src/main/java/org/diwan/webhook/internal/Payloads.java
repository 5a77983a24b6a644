package org.diwan.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.QueuedComment;
import org.diwan.guideline.GuidelineCode;
import org.diwan.site.SiteAddress;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a delivery, written as it is sent: the event's type and time, what the event said,
 * and the comment's public fields as they are now (an erased commenter goes out erased). Never the
 * commenter's e-mail address or a moderator's note.
 */
@Component
class Payloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CommentQueue comments;
  private final SiteAddress site;

  Payloads(CommentQueue comments, SiteAddress site) {
    this.comments = comments;
    this.site = site;
  }

  byte[] body(DeliveryRepository.Claimed delivery) {
    Map<String, Object> data =
        new LinkedHashMap<>(
            JSON.readValue(delivery.facts(), new TypeReference<Map<String, Object>>() {}));
    data.put("comment", comment(comments.find(delivery.commentId()), delivery.commentId()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", delivery.eventType());
    body.put("timestamp", delivery.occurredAt().toString());
    body.put("data", data);
    return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, Object> comment(Optional<QueuedComment> found, long id) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    if (found.isEmpty()) {
      return c;
    }
    QueuedComment q = found.get();
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("id", q.article().articleId());
    article.put("slug", q.article().slug());
    article.put("headline", q.article().headline());
    article.put("language", q.article().language());
    site.configured().ifPresent(base -> article.put("url", base + q.article().path()));
    c.put("article", article);
    c.put("author_name", q.name());
    c.put("text", q.text());
    c.put("status", q.status().name().toLowerCase(java.util.Locale.ROOT));
    c.put("submitted_at", text(q.submittedAt()));
    c.put("decided_at", text(q.decidedAt()));
    c.put("removed_at", text(q.removedAt()));
    c.put("codes", q.codes().stream().sorted().map(GuidelineCode::name).toList());
    return c;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
