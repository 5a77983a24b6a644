package org.diwan.webhook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.diwan.comment.AppealDecided;
import org.diwan.comment.AppealFiled;
import org.diwan.comment.CommentSubmitted;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.CommentReported;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.DecisionRecorded;
import org.diwan.moderation.ModerationDecision;
import org.diwan.webhook.WebhookEvent;
import org.diwan.webhook.Webhooks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery row for each endpoint that asked for an event. Decisions and appeals are
 * published inside their own transaction, so their rows commit or roll back with them and nothing
 * is sent for a change that did not happen; a submission and a report are published once committed,
 * and their rows are written in a transaction of their own. Which endpoints listen is read outside
 * any transaction, so with no endpoint an event costs one small read and never waits for SQLite's
 * writer. The sender only ever sees committed rows: every delivery goes out after the change it
 * reports.
 */
@Component
class WebhookOutbox {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final TransactionTemplate transaction;
  private final Clock clock;

  WebhookOutbox(
      EndpointRepository endpoints,
      DeliveryRepository deliveries,
      TransactionTemplate transaction,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.transaction = transaction;
    this.clock = clock;
  }

  @EventListener
  void on(CommentSubmitted event) {
    queue(WebhookEvent.SUBMITTED, "comment.submitted", event.commentId(), Map.of());
  }

  @EventListener
  void on(DecisionRecorded event) {
    ModerationDecision d = event.decision();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("action", d.action().name().toLowerCase(java.util.Locale.ROOT));
    facts.put("codes", d.codes().stream().sorted().map(GuidelineCode::name).toList());
    facts.put("automatic", d.automatic());
    facts.put("decided_at", d.decidedAt().toString());
    if (d.action() == DecisionAction.REMOVE) {
      queue(WebhookEvent.REMOVED, "comment.removed", d.commentId(), facts);
    } else {
      queue(WebhookEvent.DECIDED, "comment.decided", d.commentId(), facts);
    }
  }

  @EventListener
  void on(CommentReported event) {
    queue(
        WebhookEvent.REPORTED,
        "comment.reported",
        event.commentId(),
        Map.of("code", event.code().name(), "open_reports", event.openReports()));
  }

  @EventListener
  void on(AppealFiled event) {
    queue(
        WebhookEvent.APPEALED,
        "comment.appeal_filed",
        event.commentId(),
        Map.of("appeal_id", event.appealId()));
  }

  @EventListener
  void on(AppealDecided event) {
    queue(
        WebhookEvent.APPEALED,
        "comment.appeal_decided",
        event.commentId(),
        Map.of(
            "appeal_id",
            event.appealId(),
            "outcome",
            event.outcome().name().toLowerCase(java.util.Locale.ROOT)));
  }

  private void queue(WebhookEvent kind, String type, long commentId, Map<String, Object> facts) {
    var listening = endpoints.listening(kind);
    if (listening.isEmpty()) {
      return;
    }
    String written = JSON.writeValueAsString(facts);
    Instant now = clock.instant();
    // Joins the change's transaction when there is one; a transaction of its own otherwise.
    transaction.executeWithoutResult(
        status -> {
          for (long endpoint : listening) {
            deliveries.insert(
                endpoint,
                messageId(),
                type,
                commentId,
                written,
                now,
                now.plus(Webhooks.RETRIED_FOR));
          }
        });
  }

  /** Unique per delivery and kept through its retries, so a receiver can drop a repeat. */
  static String messageId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }
}
