package org.diwan.notice.internal;

import java.time.Instant;
import java.util.List;
import org.diwan.notice.NoticeCounts;
import org.diwan.notice.NoticeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notice} outbox table. */
@Repository
public class NoticeRepository {

  private final JdbcClient jdbc;

  NoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A notice as the sender reads it. */
  public record Notice(
      long id, NoticeKind kind, long commentId, String language, String siteBase, int attempts) {}

  public void insert(
      NoticeKind kind, long commentId, String language, String siteBase, Instant at) {
    jdbc.sql(
            "INSERT INTO notice (kind, comment_id, language, site_base, next_attempt_at,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(kind.name(), commentId, language, siteBase, at.toEpochMilli(), at.toEpochMilli())
        .update();
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
            "SELECT id, kind, comment_id, language, site_base, attempts FROM notice WHERE id = ?")
        .param(due.id())
        .query(
            (rs, n) ->
                new Notice(
                    rs.getLong(1),
                    NoticeKind.valueOf(rs.getString(2)),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6)))
        .optional();
  }

  void sent(long id, Instant at) {
    jdbc.sql("UPDATE notice SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
        .params(at.toEpochMilli(), id)
        .update();
  }

  void retry(long id, Instant next, String error) {
    jdbc.sql("UPDATE notice SET next_attempt_at = ?, last_error = ? WHERE id = ?")
        .params(next.toEpochMilli(), error, id)
        .update();
  }

  void failed(long id, String error) {
    jdbc.sql("UPDATE notice SET status = 'FAILED', last_error = ? WHERE id = ?")
        .params(error, id)
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
                default -> byStatus[2] = rs.getLong(2);
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
