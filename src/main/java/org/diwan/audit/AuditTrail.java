package org.diwan.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only log of staff actions. The other modules announce what staff did with events, and
 * the audit module writes each one down as it is published ({@code audit.internal.AuditedEvents}),
 * inside the transaction of the change it describes when there is one, so a change and its log line
 * commit or roll back together. The database refuses UPDATE and DELETE on the log.
 */
@Service
public class AuditTrail {

  public static final int PAGE = 100;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends one line, in the caller's transaction when there is one; otherwise (a login, say) in a
   * transaction of its own, so it queues with every other write instead of racing them.
   */
  @Transactional
  public void record(String actor, String action, String subject, String detail) {
    jdbc.sql("INSERT INTO audit_event (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
        .params(
            clock.instant().toEpochMilli(),
            actor,
            action,
            subject == null ? "" : subject,
            detail == null ? "" : detail)
        .update();
  }

  /** Newest first, optionally only one actor's or one kind of action (a prefix such as login.). */
  public List<AuditEvent> find(String actor, String actionPrefix, long before) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, action, subject, detail FROM audit_event WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (actor != null && !actor.isBlank()) {
      sql.append(" AND actor = ?");
      params.add(actor.strip());
    }
    if (actionPrefix != null && !actionPrefix.isBlank()) {
      sql.append(" AND action LIKE ?");
      params.add(actionPrefix.strip().replace("%", "").replace("_", "\\_") + "%");
    }
    if (before > 0) {
      sql.append(" AND id < ?");
      params.add(before);
    }
    sql.append(" ORDER BY id DESC LIMIT ").append(PAGE);
    return jdbc.sql(sql.toString()).params(params).query(AuditTrail::row).list();
  }

  private static AuditEvent row(ResultSet rs, int n) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        Instant.ofEpochMilli(rs.getLong("at")),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("detail"));
  }
}
