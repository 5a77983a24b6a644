package org.diwan.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diwan.webhook.WebhookDelivery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_delivery} outbox, claimed the way the e-mail outbox is (see {@code
 * NoticeRepository#claim}): an attempt counts itself and moves the row's next attempt to the end of
 * a lease, only if no other instance did so first.
 */
@Repository
public class DeliveryRepository {

  private final JdbcClient jdbc;

  DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A claimed delivery as the sender needs it. */
  record Claimed(
      long id,
      long endpointId,
      String messageId,
      String eventType,
      long commentId,
      String facts,
      Instant occurredAt,
      int attempts,
      Instant giveUpAt) {}

  record Due(long id, long endpointId, long at) {}

  void insert(
      long endpointId,
      String messageId,
      String eventType,
      long commentId,
      String facts,
      Instant at,
      Instant giveUpAt) {
    jdbc.sql(
            "INSERT INTO webhook_delivery (endpoint_id, message_id, event_type, comment_id, facts,"
                + " occurred_at, next_attempt_at, give_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            endpointId,
            messageId,
            eventType,
            commentId,
            facts,
            at.toEpochMilli(),
            at.toEpochMilli(),
            giveUpAt.toEpochMilli())
        .update();
  }

  /** Pending deliveries due at {@code now} to enabled endpoints, oldest first. */
  List<Due> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT d.id, d.endpoint_id, d.next_attempt_at FROM webhook_delivery d"
                + " JOIN webhook_endpoint e ON e.id = d.endpoint_id"
                + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND e.enabled = ?"
                + " ORDER BY d.next_attempt_at, d.id LIMIT ?")
        .params(now.toEpochMilli(), true, limit)
        .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  /** One attempt at a due delivery for this instance, or empty when another claimed it first. */
  Optional<Claimed> claim(Due due, Instant leaseUntil) {
    int claimed =
        jdbc.sql(
                "UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = ?"
                    + " WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ?")
            .params(leaseUntil.toEpochMilli(), due.id(), due.at())
            .update();
    if (claimed != 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT id, endpoint_id, message_id, event_type, comment_id, facts, occurred_at,"
                + " attempts, give_up_at FROM webhook_delivery WHERE id = ?")
        .param(due.id())
        .query(
            (rs, n) ->
                new Claimed(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    Instant.ofEpochMilli(rs.getLong(7)),
                    rs.getInt(8),
                    Instant.ofEpochMilli(rs.getLong(9))))
        .optional();
  }

  void delivered(long id, Instant at, int status) {
    jdbc.sql(
            "UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?, last_status = ?,"
                + " last_error = NULL WHERE id = ?")
        .params(at.toEpochMilli(), status, id)
        .update();
  }

  void retry(long id, Instant next, Integer status, String error) {
    jdbc.sql(
            "UPDATE webhook_delivery SET next_attempt_at = ?, last_status = ?, last_error = ?"
                + " WHERE id = ?")
        .params(next.toEpochMilli(), status, error, id)
        .update();
  }

  void failed(long id, Integer status, String error) {
    jdbc.sql(
            "UPDATE webhook_delivery SET status = 'FAILED', last_status = ?, last_error = ?"
                + " WHERE id = ?")
        .params(status, error, id)
        .update();
  }

  /**
   * Sends a delivery again, whatever became of it, with a day's retries from {@code now}; false
   * when there is no such delivery for that endpoint.
   */
  public boolean redeliver(long endpointId, long id, Instant now, Instant giveUpAt) {
    return jdbc.sql(
                "UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?,"
                    + " give_up_at = ?, delivered_at = NULL WHERE id = ? AND endpoint_id = ?")
            .params(now.toEpochMilli(), giveUpAt.toEpochMilli(), id, endpointId)
            .update()
        == 1;
  }

  /** The newest deliveries to an endpoint, at most {@code limit}. */
  public List<WebhookDelivery> newest(long endpointId, int limit) {
    return jdbc.sql(
            "SELECT id, endpoint_id, message_id, event_type, comment_id, occurred_at, status,"
                + " attempts, next_attempt_at, last_status, last_error, delivered_at"
                + " FROM webhook_delivery WHERE endpoint_id = ? ORDER BY id DESC LIMIT ?")
        .params(endpointId, limit)
        .query((rs, n) -> delivery(rs))
        .list();
  }

  private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
    long delivered = rs.getLong("delivered_at");
    boolean none = rs.wasNull();
    int status = rs.getInt("last_status");
    Integer lastStatus = rs.wasNull() ? null : status;
    return new WebhookDelivery(
        rs.getLong("id"),
        rs.getLong("endpoint_id"),
        rs.getString("message_id"),
        rs.getString("event_type"),
        rs.getLong("comment_id"),
        Instant.ofEpochMilli(rs.getLong("occurred_at")),
        rs.getString("status"),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
        lastStatus,
        rs.getString("last_error"),
        none ? null : Instant.ofEpochMilli(delivered));
  }
}
