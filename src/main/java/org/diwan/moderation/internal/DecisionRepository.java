package org.diwan.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.ModerationDecision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only record of decisions (the database refuses UPDATE and DELETE on it). */
@Repository
public class DecisionRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  DecisionRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public long insert(Decide decision, Instant at) {
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

  /** Many decisions at once, as a batch: those of imported comments. */
  public void insertAll(List<Decide> decisions, List<Instant> at) {
    List<Object[]> rows = new ArrayList<>(decisions.size());
    for (int i = 0; i < decisions.size(); i++) {
      Decide d = decisions.get(i);
      rows.add(
          new Object[] {
            d.commentId(),
            d.action().name(),
            GuidelineCode.toList(d.codes()),
            d.note(),
            d.actor(),
            d.automatic(),
            at.get(i).toEpochMilli()
          });
    }
    template.batchUpdate(
        "INSERT INTO moderation_decision (comment_id, action, codes, note, actor, automatic,"
            + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  public Optional<ModerationDecision> latestFor(long commentId) {
    return jdbc.sql(
            "SELECT id, comment_id, action, codes, note, actor, automatic, decided_at"
                + " FROM moderation_decision WHERE comment_id = ? ORDER BY id DESC LIMIT 1")
        .param(commentId)
        .query(DecisionRepository::row)
        .optional();
  }

  /** How many decisions each moderator made since {@code since}, busiest first. */
  public Map<String, Long> countsByActorSince(Instant since) {
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
