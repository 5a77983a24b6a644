package org.diwan.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.diwan.guideline.GuidelineCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only record of decisions (the database refuses UPDATE and DELETE on it). */
@Repository
class DecisionRepository {

  private final JdbcClient jdbc;

  DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(Decide decision, Instant at) {
    return jdbc.sql(
            "INSERT INTO moderation_decision (comment_id, action, codes, note, actor, automatic,"
                + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(
            decision.commentId(),
            decision.action().name(),
            GuidelineCode.toList(decision.codes()),
            decision.note(),
            decision.actor(),
            decision.automatic(),
            at.toEpochMilli())
        .query(Long.class)
        .single();
  }

  Optional<ModerationDecision> latestFor(long commentId) {
    return jdbc.sql(
            "SELECT id, comment_id, action, codes, note, actor, automatic, decided_at"
                + " FROM moderation_decision WHERE comment_id = ? ORDER BY id DESC LIMIT 1")
        .param(commentId)
        .query(DecisionRepository::row)
        .optional();
  }

  /** How many decisions each moderator made since {@code since}, busiest first. */
  Map<String, Long> countsByActorSince(Instant since) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT actor, COUNT(*) AS n FROM moderation_decision WHERE decided_at >= ?"
                + " GROUP BY actor ORDER BY n DESC, actor")
        .param(since.toEpochMilli())
        .query(
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    return counts;
  }

  private static ModerationDecision row(ResultSet rs, int n) throws SQLException {
    return new ModerationDecision(
        rs.getLong("id"),
        rs.getLong("comment_id"),
        DecisionAction.valueOf(rs.getString("action")),
        GuidelineCode.fromList(rs.getString("codes")),
        rs.getString("note"),
        rs.getString("actor"),
        rs.getBoolean("automatic"),
        Instant.ofEpochMilli(rs.getLong("decided_at")));
  }
}
