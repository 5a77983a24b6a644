package org.diwan.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diwan.comment.Appeal;
import org.diwan.comment.AppealOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appeals and their outcomes, both append-only (the database refuses UPDATE and DELETE). The unique
 * comment and the outcome's key make a second appeal or a second outcome fail on insert, so two
 * requests at once cannot both succeed.
 */
@Repository
public class AppealRepository {

  private static final String COLUMNS =
      "a.id, a.comment_id, a.body, a.filed_at, o.outcome, o.actor, o.decided_at"
          + " FROM appeal a LEFT JOIN appeal_outcome o ON o.appeal_id = a.id";

  private final JdbcClient jdbc;

  AppealRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts an appeal; a second one on the same comment breaks the unique key. */
  public long insert(long commentId, String text, Instant at) {
    return jdbc.sql("INSERT INTO appeal (comment_id, body, filed_at) VALUES (?, ?, ?) RETURNING id")
        .params(commentId, text, at.toEpochMilli())
        .query(Long.class)
        .single();
  }

  /** Inserts an appeal's outcome; a second one breaks the key. */
  public void decide(long appealId, AppealOutcome outcome, String actor, Instant at) {
    jdbc.sql(
            "INSERT INTO appeal_outcome (appeal_id, outcome, actor, decided_at) VALUES (?, ?, ?, ?)")
        .params(appealId, outcome.name(), actor, at.toEpochMilli())
        .update();
  }

  public Optional<Appeal> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " WHERE a.id = ?")
        .param(id)
        .query(AppealRepository::row)
        .optional();
  }

  public Optional<Appeal> ofComment(long commentId) {
    return jdbc.sql("SELECT " + COLUMNS + " WHERE a.comment_id = ?")
        .param(commentId)
        .query(AppealRepository::row)
        .optional();
  }

  /** Appeals without an outcome, oldest first. */
  public List<Appeal> waiting(int limit) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " WHERE o.appeal_id IS NULL ORDER BY a.filed_at, a.id LIMIT ?")
        .param(limit)
        .query(AppealRepository::row)
        .list();
  }

  public long countWaiting() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM appeal a WHERE NOT EXISTS"
                + " (SELECT 1 FROM appeal_outcome o WHERE o.appeal_id = a.id)")
        .query(Long.class)
        .single();
  }

  /** How many appeals were decided each way since {@code since}. */
  public long countDecidedSince(AppealOutcome outcome, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM appeal_outcome WHERE outcome = ? AND decided_at >= ?")
        .params(outcome.name(), since.toEpochMilli())
        .query(Long.class)
        .single();
  }

  private static Appeal row(ResultSet rs, int n) throws SQLException {
    String outcome = rs.getString("outcome");
    long decided = rs.getLong("decided_at");
    Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
    return new Appeal(
        rs.getLong("id"),
        rs.getLong("comment_id"),
        rs.getString("body"),
        Instant.ofEpochMilli(rs.getLong("filed_at")),
        outcome == null ? null : AppealOutcome.valueOf(outcome),
        rs.getString("actor"),
        decidedAt);
  }
}
