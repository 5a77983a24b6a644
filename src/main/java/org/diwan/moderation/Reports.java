package org.diwan.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.QueuedComment;
import org.diwan.guideline.GuidelineCode;
import org.diwan.storage.KeyedHash;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readers' reports on published comments, and the Reported queue they make.
 *
 * <p>A client (a keyed hash of its address, never the address) counts once per comment: a second
 * report from it changes nothing. A client may file {@link #PER_HOUR} reports an hour. Only the
 * first {@link #NOTES_KEPT} notes of a comment's open reports are kept, so a flood from many
 * clients costs one short row each and still makes one card. A report does not touch the comment or
 * its article, so the article page's cached copy stays valid.
 */
@Service
public class Reports {

  public static final int MAX_NOTE = 300;
  static final int PER_HOUR = 20;
  static final int NOTES_KEPT = 20;
  static final int NOTES_SHOWN = 5;

  private final CommentQueue comments;
  private final JdbcClient jdbc;
  private final KeyedHash hashes;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Reports(
      CommentQueue comments,
      JdbcClient jdbc,
      KeyedHash hashes,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.comments = comments;
    this.jdbc = jdbc;
    this.hashes = hashes;
    this.transaction = new TransactionTemplate(transactions);
    this.events = events;
    this.clock = clock;
  }

  /** What became of a report: counted (false: this client had reported the comment already). */
  public record Filed(long commentId, boolean counted) {}

  /**
   * Files a report of comment {@code commentId} under article {@code slug} from the client at
   * {@code address}.
   *
   * @throws ReportProblem when the report is not taken; nothing is stored then
   */
  public Filed file(String slug, long commentId, String code, String note, String address) {
    GuidelineCode reason =
        GuidelineCode.parse(code == null ? "" : code.strip())
            .orElseThrow(() -> ReportProblem.invalid("Choose one of the guidelines."));
    String kept = note == null || note.isBlank() ? null : note.strip();
    if (kept != null && kept.length() > MAX_NOTE) {
      throw ReportProblem.invalid("The note can be at most " + MAX_NOTE + " characters.");
    }
    reportable(slug, commentId);
    String client = hashes.of("report:" + address);
    Instant now = clock.instant();
    long lastHour =
        jdbc.sql("SELECT COUNT(*) FROM comment_report WHERE client_key = ? AND reported_at > ?")
            .params(client, now.minus(Duration.ofHours(1)).toEpochMilli())
            .query(Long.class)
            .single();
    if (lastHour >= PER_HOUR) {
      throw ReportProblem.tooMany(Duration.ofMinutes(10));
    }
    Integer open = transaction.execute(s -> store(commentId, client, reason, kept, now));
    if (open == null) {
      return new Filed(commentId, false);
    }
    // Committed by now: listeners (webhooks, notices) see a report that is stored.
    events.publishEvent(new CommentReported(commentId, slug, reason, open, now));
    return new Filed(commentId, true);
  }

  /**
   * The comment a reader may report: published, under article {@code slug}.
   *
   * @throws ReportProblem when there is no such comment there (404) or it is not published (409)
   */
  public QueuedComment reportable(String slug, long commentId) {
    QueuedComment comment =
        comments
            .find(commentId)
            .filter(c -> c.article().slug().equals(slug))
            .orElseThrow(ReportProblem::noSuchComment);
    if (comment.status() != CommentStatus.APPROVED) {
      throw ReportProblem.notPublished();
    }
    return comment;
  }

  /** In the transaction: the report, and its comment's open count; null if already counted. */
  private Integer store(
      long commentId, String client, GuidelineCode code, String note, Instant at) {
    Optional<Long> id =
        jdbc.sql(
                "INSERT INTO comment_report (comment_id, client_key, code, note, reported_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (comment_id, client_key) DO NOTHING"
                    + " RETURNING id")
            .params(commentId, client, code.name(), note, at.toEpochMilli())
            .query(Long.class)
            .optional();
    if (id.isEmpty()) {
      return null;
    }
    Map<String, Object> counts =
        jdbc.sql(
                "INSERT INTO reported_comment (comment_id, open_reports, open_since, open_notes)"
                    + " VALUES (?, 1, ?, ?) ON CONFLICT (comment_id) DO UPDATE SET"
                    + " open_reports = reported_comment.open_reports + 1,"
                    + " open_since = COALESCE(reported_comment.open_since, excluded.open_since),"
                    + " open_notes = reported_comment.open_notes + excluded.open_notes"
                    + " RETURNING open_reports, open_notes")
            .params(commentId, at.toEpochMilli(), note == null ? 0 : 1)
            .query()
            .singleRow();
    if (note != null && ((Number) counts.get("open_notes")).intValue() > NOTES_KEPT) {
      jdbc.sql("UPDATE comment_report SET note = NULL WHERE id = ?").param(id.get()).update();
    }
    return ((Number) counts.get("open_reports")).intValue();
  }

  /**
   * Keeps a reported comment: its open reports are dismissed (recorded, and audited through {@link
   * ReportsDismissed}); reports filed later open it again.
   *
   * @throws ReportProblem when it has no open reports (never reported, or kept already)
   */
  public int keep(long commentId, String actor) {
    return transaction.execute(
        s -> {
          Instant now = clock.instant();
          long upto =
              jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM comment_report WHERE comment_id = ?")
                  .param(commentId)
                  .query(Long.class)
                  .single();
          Optional<Integer> open =
              jdbc.sql(
                      "SELECT open_reports FROM reported_comment WHERE comment_id = ?"
                          + " AND open_reports > 0")
                  .param(commentId)
                  .query(Integer.class)
                  .optional();
          int dismissed =
              jdbc.sql(
                      "UPDATE reported_comment SET open_reports = 0, open_since = NULL,"
                          + " open_notes = 0, dismissed_upto = ? WHERE comment_id = ?"
                          + " AND open_reports > 0")
                  .params(upto, commentId)
                  .update();
          if (dismissed == 0 || open.isEmpty()) {
            throw ReportProblem.nothingOpen(commentId);
          }
          jdbc.sql(
                  "INSERT INTO report_dismissal (comment_id, dismissed_upto, reports, actor,"
                      + " dismissed_at) VALUES (?, ?, ?, ?, ?)")
              .params(commentId, upto, open.get(), actor, now.toEpochMilli())
              .update();
          events.publishEvent(new ReportsDismissed(commentId, open.get(), actor));
          return open.get();
        });
  }

  /**
   * The Reported queue: published comments with open reports, most reported first, then highest
   * screening risk.
   */
  public List<ReportedComment> queue(int limit) {
    return jdbc
        .sql(
            "SELECT r.comment_id, r.open_reports, r.open_since, r.dismissed_upto"
                + " FROM reported_comment r JOIN comment c ON c.id = r.comment_id"
                + " LEFT JOIN comment_screening s ON s.comment_id = r.comment_id"
                + " WHERE r.open_reports > 0 AND c.status = 'APPROVED'"
                + " ORDER BY r.open_reports DESC, COALESCE(s.risk, 0) DESC, r.comment_id"
                + " LIMIT ?")
        .param(limit)
        .query(
            (rs, row) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)})
        .list()
        .stream()
        .map(r -> reported((long) r[0], (int) r[1], (long) r[2], (long) r[3]))
        .toList();
  }

  private ReportedComment reported(long commentId, int reports, long since, long upto) {
    Map<GuidelineCode, Integer> reasons = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT code, COUNT(*) FROM comment_report WHERE comment_id = ? AND id > ?"
                + " GROUP BY code ORDER BY COUNT(*) DESC, code")
        .params(commentId, upto)
        .query(
            (rs, row) -> {
              int count = rs.getInt(2);
              GuidelineCode.parse(rs.getString(1)).ifPresent(c -> reasons.put(c, count));
              return count;
            })
        .list();
    List<String> notes =
        jdbc.sql(
                "SELECT note FROM comment_report WHERE comment_id = ? AND id > ?"
                    + " AND note IS NOT NULL ORDER BY id LIMIT ?")
            .params(commentId, upto, NOTES_SHOWN)
            .query(String.class)
            .list();
    return new ReportedComment(
        commentId,
        reports,
        Instant.ofEpochMilli(since),
        Collections.unmodifiableMap(reasons),
        notes);
  }

  /** Comments waiting in the Reported queue, and when the oldest of their reports came. */
  public record Waiting(long comments, Instant oldest) {}

  public Waiting waiting() {
    return jdbc.sql(
            "SELECT COUNT(*), MIN(r.open_since) FROM reported_comment r"
                + " JOIN comment c ON c.id = r.comment_id"
                + " WHERE r.open_reports > 0 AND c.status = 'APPROVED'")
        .query(
            (rs, row) -> {
              long oldest = rs.getLong(2);
              return new Waiting(rs.getLong(1), rs.wasNull() ? null : Instant.ofEpochMilli(oldest));
            })
        .single();
  }
}
