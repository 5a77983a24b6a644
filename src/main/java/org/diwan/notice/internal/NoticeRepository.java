package org.diwan.notice.internal;

import java.time.Instant;
import java.util.List;
import org.diwan.notice.NoticeCounts;
import org.diwan.notice.NoticeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code notice} outbox table. Its writes run in transactions even off a request: on SQLite a
 * bare write slips past the serialized writers and can fail another request's transaction.
 */
@Repository
public class NoticeRepository {

  private final JdbcClient jdbc;

  NoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A notice as the sender reads it. {@code commentId} is null and {@code recipient} the address's
   * key for {@link NoticeKind#FIND_MY_COMMENTS}; a decision's recipient is read from its comment.
   */
  public record Notice(
      long id,
      NoticeKind kind,
      Long commentId,
      String language,
      String siteBase,
      int attempts,
      String recipient) {}

  public void insert(
      NoticeKind kind, long commentId, String language, String siteBase, Instant at) {
    jdbc.sql(
            "INSERT INTO notice (kind, comment_id, language, site_base, next_attempt_at,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(kind.name(), commentId, language, siteBase, at.toEpochMilli(), at.toEpochMilli())
        .update();
  }

  /**
   * Queues a "find my comments" request for the address whose key is {@code emailKey}, with keyed
   * hashes of the asking client and of the address to count requests by.
   */
  public void insertLookup(
      String emailKey,
      String clientKey,
      String emailHash,
      String language,
      String siteBase,
      Instant at) {
    jdbc.sql(
            "INSERT INTO notice (kind, recipient, client_key, email_hash, language, site_base,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            NoticeKind.FIND_MY_COMMENTS.name(),
            emailKey,
            clientKey,
            emailHash,
            language,
            siteBase,
            at.toEpochMilli(),
            at.toEpochMilli())
        .update();
  }

  /**
   * How many "find my comments" requests have {@code column} (a key column) since {@code since}.
   */
  public long lookupsSince(LookupKey column, String key, Instant since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM notice WHERE "
                + (column == LookupKey.CLIENT ? "client_key" : "email_hash")
                + " = ? AND created_at >= ?")
        .params(key, since.toEpochMilli())
        .query(Long.class)
        .single();
  }

  /**
   * Forgets what the limits no longer need of requests made before {@code before}: those that found
   * nothing to send go, the others (sent or given up, kept for the outbox's figures) lose their
   * keyed hashes. A pending request keeps them until it is done.
   */
  @Transactional
  public void forgetLookupsBefore(Instant before) {
    jdbc.sql(
            "DELETE FROM notice WHERE kind = 'FIND_MY_COMMENTS' AND status = 'NOTHING'"
                + " AND created_at < ?")
        .param(before.toEpochMilli())
        .update();
    jdbc.sql(
            "UPDATE notice SET client_key = NULL, email_hash = NULL"
                + " WHERE kind = 'FIND_MY_COMMENTS' AND status <> 'PENDING' AND created_at < ?"
                + " AND client_key IS NOT NULL")
        .param(before.toEpochMilli())
        .update();
  }

  /** What "find my comments" requests are counted by. */
  public enum LookupKey {
    CLIENT,
    EMAIL
  }

  /** Up to {@code limit} pending notices due at {@code now}, with their due time, oldest first. */
  List<Due> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id, next_attempt_at FROM notice WHERE status = 'PENDING'"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?")
        .params(now.toEpochMilli(), limit)
        .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  record Due(long id, long at) {}

  /**
   * Claims a due notice for one attempt: counts the attempt and moves its next attempt to {@code
   * leaseUntil}, only if no one else has since (its due time is still {@code due.at}). One instance
   * wins; the others see 0 rows. If the claimer stops before recording the outcome, the notice is
   * due again when the lease ends.
   */
  @Transactional
  java.util.Optional<Notice> claim(Due due, Instant leaseUntil) {
    int claimed =
        jdbc.sql(
                "UPDATE notice SET attempts = attempts + 1, next_attempt_at = ?"
                    + " WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ?")
            .params(leaseUntil.toEpochMilli(), due.id(), due.at())
            .update();
    if (claimed != 1) {
      return java.util.Optional.empty();
    }
    return jdbc.sql(
            "SELECT id, kind, comment_id, language, site_base, attempts, recipient FROM notice"
                + " WHERE id = ?")
        .param(due.id())
        .query(
            (rs, n) ->
                new Notice(
                    rs.getLong(1),
                    NoticeKind.valueOf(rs.getString(2)),
                    rs.getObject(3) == null ? null : rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getString(7)))
        .optional();
  }

  /** Sent; an address it was asked for is no longer kept. */
  @Transactional
  void sent(long id, Instant at) {
    jdbc.sql(
            "UPDATE notice SET status = 'SENT', sent_at = ?, last_error = NULL, recipient = NULL"
                + " WHERE id = ?")
        .params(at.toEpochMilli(), id)
        .update();
  }

  @Transactional
  void retry(long id, Instant next, String error) {
    jdbc.sql("UPDATE notice SET next_attempt_at = ?, last_error = ? WHERE id = ?")
        .params(next.toEpochMilli(), error, id)
        .update();
  }

  /** Given up; an address it was asked for is no longer kept. */
  @Transactional
  void failed(long id, String error) {
    jdbc.sql("UPDATE notice SET status = 'FAILED', last_error = ?, recipient = NULL WHERE id = ?")
        .params(error, id)
        .update();
  }

  /** A request that found nothing to send: nothing was, and the address is no longer kept. */
  @Transactional
  void nothingToSend(long id) {
    jdbc.sql("UPDATE notice SET status = 'NOTHING', recipient = NULL WHERE id = ?")
        .param(id)
        .update();
  }

  public NoticeCounts counts() {
    long[] byStatus = new long[3];
    jdbc.sql("SELECT status, COUNT(*) FROM notice GROUP BY status")
        .query(
            rs -> {
              switch (rs.getString(1)) {
                case "PENDING" -> byStatus[0] = rs.getLong(2);
                case "SENT" -> byStatus[1] = rs.getLong(2);
                case "FAILED" -> byStatus[2] = rs.getLong(2);
                default -> {
                  // NOTHING: a request with nothing to send is not a message.
                }
              }
            });
    Instant oldest =
        jdbc.sql("SELECT MIN(created_at) FROM notice WHERE status = 'PENDING'")
            .query(Long.class)
            .optional()
            .map(Instant::ofEpochMilli)
            .orElse(null);
    String lastError =
        jdbc.sql(
                "SELECT last_error FROM notice WHERE last_error IS NOT NULL"
                    + " ORDER BY next_attempt_at DESC LIMIT 1")
            .query(String.class)
            .optional()
            .orElse(null);
    return new NoticeCounts(byStatus[0], byStatus[1], byStatus[2], oldest, lastError);
  }
}
