package org.diwan.comment.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.diwan.comment.Comment;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.ImportedComment;
import org.diwan.comment.PublishedComment;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.SecondStage;
import org.diwan.guideline.GuidelineCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments in plain SQL. There is deliberately no statement that updates a comment's text, author
 * or article; the database refuses one anyway (trigger {@code comment_is_immutable}).
 */
@Repository
public class CommentRepository {

  private static final String COLUMNS =
      "id, article_id, author_name, author_email, body, submitted_at, status, decided_at, codes,"
          + " note, removed_at, decided_automatically";
  private static final String QUALIFIED =
      "c.id, c.article_id, c.author_name, c.author_email, c.body, c.submitted_at, c.status,"
          + " c.decided_at, c.codes, c.note, c.removed_at, c.decided_automatically";

  private static final String INSERT =
      "INSERT INTO comment (article_id, token_hash, author_name, author_email, email_key, body,"
          + " submitted_at, status, notify_on_decision)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) RETURNING id";
  private static final String RECENTLY_POSTED =
      "SELECT body FROM comment WHERE email_key = ? AND submitted_at >= ?";
  private static final String INSERT_SCREENING =
      "INSERT INTO comment_screening (comment_id, version, language, risk, scores, flagged,"
          + " evidence, kinds, failed, failure, second_stage)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final DataSource dataSource;
  private final boolean sqlite;

  CommentRepository(JdbcClient jdbc, JdbcTemplate template) throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.template = template;
    this.dataSource = template.getDataSource();
    this.sqlite =
        "SQLite"
            .equals(
                JdbcUtils.extractDatabaseMetaData(
                    dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  /** A screening result as its row stores it, worked out before the write transaction. */
  public record ScreeningRow(
      String version,
      String language,
      double risk,
      String scores,
      String flagged,
      String evidence,
      String kinds,
      boolean failed,
      String failure,
      SecondStage secondStage) {

    public static ScreeningRow of(ScreeningSummary s) {
      return new ScreeningRow(
          s.version(),
          s.language() == null ? "" : s.language(),
          s.risk(),
          s.scoresText(),
          GuidelineCode.toList(s.flagged()),
          s.evidenceText(),
          String.join(",", new TreeSet<>(s.abuseKinds())),
          s.failed(),
          s.failure(),
          s.secondStage());
    }
  }

  /**
   * New comments written one after another in the surrounding transaction, each statement prepared
   * once for them all: the group commit's writer runs alone, so every microsecond it spends is one
   * every waiting submission spends too. Close it before the transaction ends.
   */
  public final class Inserts implements AutoCloseable {
    private final Connection connection = DataSourceUtils.getConnection(dataSource);
    private PreparedStatement recent;
    private PreparedStatement comment;
    private PreparedStatement screening;

    /** Whether the same commenter sent the same text, as {@link CommentDraft#comparable}. */
    public boolean recentlyPosted(String email, String text, Instant since) {
      try {
        if (recent == null) {
          recent = connection.prepareStatement(RECENTLY_POSTED);
        }
        recent.setString(1, CommenterEmail.key(email));
        recent.setLong(2, since.toEpochMilli());
        String comparable = null;
        try (ResultSet rs = recent.executeQuery()) {
          while (rs.next()) {
            // Usually there is no row: the text is normalised only when one is found.
            comparable = comparable != null ? comparable : CommentDraft.comparable(text);
            if (CommentDraft.comparable(rs.getString(1)).equals(comparable)) {
              return true;
            }
          }
          return false;
        }
      } catch (SQLException e) {
        throw translate("recentlyPosted", RECENTLY_POSTED, e);
      }
    }

    public long insert(
        long articleId,
        String tokenKey,
        CommentDraft draft,
        boolean notify,
        Instant at,
        ScreeningRow s) {
      try {
        if (comment == null) {
          comment = connection.prepareStatement(INSERT);
          screening = connection.prepareStatement(INSERT_SCREENING);
        }
        comment.setLong(1, articleId);
        comment.setString(2, tokenKey);
        comment.setString(3, draft.name());
        comment.setString(4, draft.email());
        comment.setString(5, CommenterEmail.key(draft.email()));
        comment.setString(6, draft.text());
        comment.setLong(7, at.toEpochMilli());
        comment.setBoolean(8, notify);
        long id;
        try (ResultSet rs = comment.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
        screening.setLong(1, id);
        screening.setString(2, s.version());
        screening.setString(3, s.language());
        screening.setDouble(4, s.risk());
        screening.setString(5, s.scores());
        screening.setString(6, s.flagged());
        screening.setString(7, s.evidence());
        screening.setString(8, s.kinds());
        screening.setBoolean(9, s.failed());
        screening.setString(10, s.failure());
        screening.setString(11, s.secondStage().name());
        screening.executeUpdate();
        return id;
      } catch (SQLException e) {
        throw translate("insert", INSERT, e);
      }
    }

    private RuntimeException translate(String task, String sql, SQLException e) {
      RuntimeException translated = template.getExceptionTranslator().translate(task, sql, e);
      return translated != null ? translated : new IllegalStateException(e);
    }

    @Override
    public void close() {
      for (PreparedStatement statement : new PreparedStatement[] {recent, comment, screening}) {
        if (statement != null) {
          try {
            statement.close();
          } catch (SQLException e) {
            // Closing a statement of a connection the transaction still holds: nothing is lost.
          }
        }
      }
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  public Inserts inserts() {
    return new Inserts();
  }

  /** Rows of one multi-row insert: few enough for either database's limit on parameters. */
  private static final int IMPORT_ROWS = 200;

  /**
   * Stores comments as given, with their screening rows, in the surrounding transaction; returns
   * their ids in order. Each gets a new status token that is never shown to anyone.
   */
  public List<Long> importAll(List<ImportedComment> comments) {
    List<Long> ids = new ArrayList<>(comments.size());
    List<Object[]> screenings = new ArrayList<>();
    for (int from = 0; from < comments.size(); from += IMPORT_ROWS) {
      List<ImportedComment> chunk =
          comments.subList(from, Math.min(comments.size(), from + IMPORT_ROWS));
      List<String> keys = new ArrayList<>(chunk.size());
      List<Object> params = new ArrayList<>(chunk.size() * 9);
      for (ImportedComment c : chunk) {
        String key = CommentTokens.key(CommentTokens.generate(c.submittedAt()));
        keys.add(key);
        params.addAll(
            Arrays.asList(
                c.articleId(),
                key,
                c.name(),
                c.email(),
                CommenterEmail.key(c.email()),
                c.text(),
                c.submittedAt().toEpochMilli(),
                c.status().name(),
                c.decidedAt() == null ? null : c.decidedAt().toEpochMilli()));
      }
      Map<String, Long> stored = new HashMap<>();
      // RETURNING promises no order, so each id is matched to its row by the row's unique key.
      jdbc.sql(
              "INSERT INTO comment (article_id, token_hash, author_name, author_email, email_key,"
                  + " body, submitted_at, status, decided_at) VALUES "
                  + String.join(
                      ", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                  + " RETURNING id, token_hash")
          .params(params)
          .query(
              rs -> {
                stored.put(rs.getString(2), rs.getLong(1));
              });
      for (int i = 0; i < chunk.size(); i++) {
        long id = stored.get(keys.get(i));
        ids.add(id);
        ScreeningSummary screening = chunk.get(i).screening();
        if (screening != null) {
          ScreeningRow s = ScreeningRow.of(screening);
          screenings.add(
              new Object[] {
                id,
                s.version(),
                s.language(),
                s.risk(),
                s.scores(),
                s.flagged(),
                s.evidence(),
                s.kinds(),
                s.failed(),
                s.failure(),
                s.secondStage().name()
              });
        }
      }
    }
    template.batchUpdate(INSERT_SCREENING, screenings);
    return ids;
  }

  public Optional<Comment> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = ?")
        .param(id)
        .query(CommentRepository::row)
        .optional();
  }

  /**
   * {@code token_hash} holds {@link CommentTokens#key}, which is a plain hash only for old tokens.
   */
  Optional<Comment> findByTokenKey(String tokenKey) {
    // The key shown after posting is on the comment; those sent by e-mail are beside it.
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM comment WHERE token_hash = ? OR id ="
                + " (SELECT comment_id FROM comment_status_key WHERE key_hash = ?)")
        .param(tokenKey)
        .param(tokenKey)
        .query(CommentRepository::row)
        .optional();
  }

  /**
   * Up to {@code limit} comments posted with the address whose key ({@link CommenterEmail#key}) is
   * {@code emailKey} at or after {@code since}, newest first. An erased commenter's comments have a
   * key of their own and are never among them.
   */
  public List<Comment> recentByEmailKey(String emailKey, Instant since, int limit) {
    return byEmailKey(emailKey, "submitted_at >= ?", since.toEpochMilli(), limit);
  }

  /** Adds a further key that opens comment {@code id}'s status page. */
  public void addStatusKey(long id, String tokenKey, Instant at) {
    jdbc.sql("INSERT INTO comment_status_key (key_hash, comment_id, issued_at) VALUES (?, ?, ?)")
        .params(tokenKey, id, at.toEpochMilli())
        .update();
  }

  /** Takes back a key added by {@link #addStatusKey} (its message was never sent). */
  public void removeStatusKey(String tokenKey) {
    jdbc.sql("DELETE FROM comment_status_key WHERE key_hash = ?").param(tokenKey).update();
  }

  /** Whether the commenter of comment {@code id} asked to be e-mailed of its decision. */
  public boolean notifyOnDecision(long id) {
    return jdbc.sql("SELECT notify_on_decision FROM comment WHERE id = ?")
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** A comment with its screening result, as the queues read them. */
  public record Screened(Comment comment, ScreeningSummary screening) {}

  private static final String SCREENING_COLUMNS =
      ", s.version, s.language, s.risk, s.scores, s.flagged, s.evidence, s.kinds, s.failed,"
          + " s.failure, s.second_stage";

  public List<Screened> queue(QueueQuery query, Long articleId, String email, int limit) {
    boolean hideStatus =
        sqlite && query.order() == QueueQuery.Order.RISK && articleId == null && email == null;
    // Walking a whole queue by risk, SQLite must not pick the status index: it would then sort
    // every pending comment for one page (1 s at 900,000), where the risk index gives the page in
    // order (20 ms); "|| ''" hides the column from its index selection. PostgreSQL weighs the
    // status by its statistics and walks the risk index anyway; hidden from it, the status looks
    // rare, and it launched parallel workers for every page (50-70 ms against 3 ms at 300,000).
    StringBuilder where =
        new StringBuilder(hideStatus ? " WHERE c.status || '' = ?" : " WHERE c.status = ?");
    List<Object> params = new ArrayList<>(List.of(query.status().name()));
    if (articleId != null) {
      where.append(" AND c.article_id = ?");
      params.add(articleId);
    }
    if (email != null) {
      where.append(" AND c.email_key = ?");
      params.add(CommenterEmail.key(email));
    }
    String sql;
    if (query.order() == QueueQuery.Order.RISK) {
      // Every comment is stored with its screening row, so a page can start in the risk index at
      // the cursor (the last comment of the previous page) instead of counting an offset.
      if (query.after() > 0) {
        where.append(
            " AND s.risk <= (SELECT risk FROM comment_screening WHERE comment_id = ?)"
                + " AND NOT (s.risk = (SELECT risk FROM comment_screening WHERE comment_id = ?)"
                + " AND s.comment_id <= ?)");
        params.add(query.after());
        params.add(query.after());
        params.add(query.after());
      }
      sql =
          "SELECT "
              + QUALIFIED
              + SCREENING_COLUMNS
              + " FROM comment_screening s JOIN comment c ON c.id = s.comment_id"
              + where
              + " ORDER BY s.risk DESC, s.comment_id LIMIT ?";
      params.add(limit);
    } else {
      boolean newest = query.newestFirst();
      if (query.after() > 0) {
        where.append(newest ? " AND c.id < ?" : " AND c.id > ?");
        params.add(query.after());
      }
      String order = newest ? " ORDER BY c.id DESC" : " ORDER BY c.id";
      // The page is cut before the join: joined first, PostgreSQL merge-joins from the start of
      // the screening table (284 ms at 1,000,000 comments instead of under 1 ms).
      sql =
          "SELECT "
              + QUALIFIED
              + SCREENING_COLUMNS
              + " FROM (SELECT c.* FROM comment c"
              + where
              + order
              + " LIMIT ?) c LEFT JOIN comment_screening s ON s.comment_id = c.id"
              + order;
      params.add(limit);
    }
    return jdbc.sql(sql)
        .params(params)
        .query((rs, n) -> new Screened(row(rs, n), screening(rs)))
        .list();
  }

  public Optional<Screened> screenedById(long id) {
    return jdbc.sql(
            "SELECT "
                + QUALIFIED
                + SCREENING_COLUMNS
                + " FROM comment c LEFT JOIN comment_screening s ON s.comment_id = c.id"
                + " WHERE c.id = ?")
        .param(id)
        .query((rs, n) -> new Screened(row(rs, n), screening(rs)))
        .optional();
  }

  private static ScreeningSummary screening(ResultSet rs) throws SQLException {
    String version = rs.getString("version");
    if (version == null) {
      return null;
    }
    String kinds = rs.getString("kinds");
    return new ScreeningSummary(
        version,
        rs.getString("language"),
        rs.getDouble("risk"),
        ScreeningSummary.parseScores(rs.getString("scores")),
        GuidelineCode.fromList(rs.getString("flagged")),
        ScreeningSummary.parseEvidence(rs.getString("evidence")),
        kinds.isEmpty() ? Set.of() : Set.of(kinds.split(",")),
        rs.getBoolean("failed"),
        rs.getString("failure"),
        SecondStage.valueOf(rs.getString("second_stage")));
  }

  // The second stage's backlog. A claim marks rows WORKING with the claim's time; a claim older
  // than the lease is free again (its worker stopped). Every write is conditional on the claim,
  // so two workers (two instances on one PostgreSQL) never both finish the same comment.

  /** The second stage's backlog: the condition of the partial index on it (V10). */
  private static final String BACKLOG = "second_stage IN ('PENDING', 'WORKING')";

  /**
   * Claims up to {@code limit} comments still to read, oldest first, as of {@code claim} (epoch ms,
   * also the claim's token), taking back claims made before {@code expired}.
   */
  @Transactional // SQLite's writers queue in the transaction manager, never racing a submission
  public List<Long> claimSecondStage(int limit, long claim, long expired) {
    return jdbc.sql(claimSql(sqlite))
        .params(claim, expired, limit, expired)
        .query(Long.class)
        .list();
  }

  /** The claim, with parameters claim, expired, limit, expired. */
  static String claimSql(boolean sqlite) {
    String free = "(second_stage = 'PENDING' OR (second_stage = 'WORKING' AND claimed_at < ?))";
    // SKIP LOCKED lets PostgreSQL claimers pass each other's rows; the outer condition is checked
    // again on the locked row, so a row another claimer took meanwhile is not taken twice.
    return "UPDATE comment_screening SET second_stage = 'WORKING', claimed_at = ?"
        + " WHERE comment_id IN (SELECT comment_id FROM comment_screening WHERE "
        // Spelled as the partial index's condition, so SQLite reads the index: without it each
        // claim scanned every row already done, inside the write lock.
        + BACKLOG
        + " AND "
        + free
        + " ORDER BY comment_id LIMIT ?"
        + (sqlite ? "" : " FOR UPDATE SKIP LOCKED")
        + ") AND "
        + free
        + " RETURNING comment_id";
  }

  /**
   * What the second stage made of one claimed comment: with {@code combined} (SCORED), the combined
   * verdict to write over the first stage's, which is kept in first_risk and first_scores; without,
   * only the state and note.
   */
  public record SecondStageResult(
      long commentId,
      SecondStage state,
      String note,
      ScreeningSummary combined,
      String encoderScores) {}

  /**
   * Writes the results of one claim in one transaction (one commit, so one sync of SQLite's log,
   * for the whole batch); returns those still under the claim (not taken back after its lease).
   */
  @Transactional
  public List<SecondStageResult> finishSecondStage(List<SecondStageResult> results, long claim) {
    List<SecondStageResult> mine = new ArrayList<>(results.size());
    for (SecondStageResult r : results) {
      if (finish(r, claim)) {
        mine.add(r);
      }
    }
    return mine;
  }

  private boolean finish(SecondStageResult r, long claim) {
    String mine = " WHERE comment_id = ? AND second_stage = 'WORKING' AND claimed_at = ?";
    if (r.combined() == null) {
      return jdbc.sql(
                  "UPDATE comment_screening SET second_stage = ?, second_note = ?,"
                      + " claimed_at = NULL"
                      + mine)
              .params(r.state().name(), r.note(), r.commentId(), claim)
              .update()
          == 1;
    }
    ScreeningRow row = ScreeningRow.of(r.combined());
    return jdbc.sql(
                "UPDATE comment_screening SET second_stage = ?, second_note = ?,"
                    + " second_scores = ?, first_risk = risk, first_scores = scores,"
                    + " version = ?, risk = ?, scores = ?, flagged = ?, evidence = ?, kinds = ?,"
                    + " claimed_at = NULL"
                    + mine)
            .params(
                r.state().name(),
                r.note(),
                r.encoderScores(),
                row.version(),
                row.risk(),
                row.scores(),
                row.flagged(),
                row.evidence(),
                row.kinds(),
                r.commentId(),
                claim)
            .update()
        == 1;
  }

  /** How many comments wait for the second stage (PENDING or WORKING). */
  public long secondStageBacklog() {
    return jdbc.sql("SELECT COUNT(*) FROM comment_screening WHERE " + BACKLOG)
        .query(Long.class)
        .single();
  }

  public List<Comment> history(String email, long beforeId, int limit) {
    return byEmailKey(CommenterEmail.key(email), "id < ?", beforeId, limit);
  }

  /** Up to {@code limit} comments with address key {@code key} that meet {@code condition}. */
  private List<Comment> byEmailKey(String key, String condition, Object bound, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM comment WHERE email_key = ? AND "
                + condition
                + " ORDER BY id DESC LIMIT ?")
        .params(key, bound, limit)
        .query(CommentRepository::row)
        .list();
  }

  /** Whose history to read: the commenter's email and the comment it goes up to (excluded). */
  public record HistoryOf(String email, long beforeId) {}

  /**
   * The {@link #history} of each of {@code wanted}, in one statement (one index range per entry,
   * joined with UNION ALL), instead of one query per moderator's card.
   */
  public List<List<Comment>> histories(List<HistoryOf> wanted, int limit) {
    List<List<Comment>> found = new ArrayList<>(wanted.size());
    if (wanted.isEmpty()) {
      return found;
    }
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>(wanted.size() * 3);
    for (int i = 0; i < wanted.size(); i++) {
      found.add(new ArrayList<>());
      // The entry's position is a number this code writes, never input.
      sql.append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT ")
          .append(i)
          .append(" AS entry, h.* FROM (SELECT ")
          .append(COLUMNS)
          .append(" FROM comment WHERE email_key = ? AND id < ? ORDER BY id DESC LIMIT ?) h");
      params.add(CommenterEmail.key(wanted.get(i).email()));
      params.add(wanted.get(i).beforeId());
      params.add(limit);
    }
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              found.get(rs.getInt("entry")).add(row(rs, 0));
            });
    // UNION ALL promises no order across its parts: newest first again within each.
    found.forEach(list -> list.sort(Comparator.comparingLong(Comment::id).reversed()));
    return found;
  }

  /**
   * Fills in the email keys the V7 migration left empty: addresses with characters beyond ASCII,
   * whose case the databases' own lower() does not fold as Java does. Returns how many it filled.
   */
  public int fillMissingEmailKeys() {
    List<Object[]> missing =
        jdbc.sql("SELECT id, author_email FROM comment WHERE email_key IS NULL")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    for (Object[] row : missing) {
      jdbc.sql("UPDATE comment SET email_key = ? WHERE id = ? AND email_key IS NULL")
          .params(CommenterEmail.key((String) row[1]), row[0])
          .update();
    }
    return missing.size();
  }

  public long countByStatus(CommentStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = ?")
        .param(status.name())
        .query(Long.class)
        .single();
  }

  public Optional<Instant> oldestPending() {
    return jdbc.sql("SELECT submitted_at FROM comment WHERE status = 'PENDING' ORDER BY id LIMIT 1")
        .query(Long.class)
        .optional()
        .map(Instant::ofEpochMilli);
  }

  public List<Duration> waitsDecidedSince(Instant since) {
    return jdbc
        .sql(
            "SELECT decided_at - submitted_at FROM comment"
                + " WHERE decided_at IS NOT NULL AND decided_at >= ?")
        .param(since.toEpochMilli())
        .query(Long.class)
        .list()
        .stream()
        .map(Duration::ofMillis)
        .toList();
  }

  /**
   * Up to {@code limit} approved comments of an article past comment id {@code from} (or from it,
   * {@code inclusive}), in ascending or descending id order: one range of the article's index.
   */
  public List<PublishedComment> approved(
      long articleId, long from, boolean ascending, boolean inclusive, int limit) {
    // The operator and order are chosen here from two booleans, never from input.
    String beyond = ascending ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<");
    return jdbc.sql(
            "SELECT id, author_name, body, submitted_at FROM comment"
                + " WHERE article_id = ? AND status = 'APPROVED' AND id "
                + beyond
                + " ? ORDER BY id"
                + (ascending ? "" : " DESC")
                + " LIMIT ?")
        .params(articleId, from, limit)
        .query(
            (rs, n) ->
                new PublishedComment(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  long countApproved(long articleId) {
    return jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'APPROVED'")
        .param(articleId)
        .query(Long.class)
        .single();
  }

  /** The article a comment was posted under, whatever its status; empty for no such comment. */
  public Optional<Long> articleOf(long commentId) {
    return jdbc.sql("SELECT article_id FROM comment WHERE id = ?")
        .param(commentId)
        .query(Long.class)
        .optional();
  }

  /**
   * Moves a pending comment to its decided state. Conditional on the comment still being pending,
   * so of two moderators deciding at once exactly one succeeds.
   *
   * @return false when the comment was no longer pending
   */
  public boolean decide(Comment decided) {
    return jdbc.sql(
                "UPDATE comment SET status = ?, decided_at = ?, codes = ?, note = ?,"
                    + " decided_automatically = ? WHERE id = ? AND status = 'PENDING'")
            .params(
                decided.status().name(),
                decided.decidedAt().toEpochMilli(),
                GuidelineCode.toList(decided.codes()),
                decided.note(),
                decided.decidedAutomatically(),
                decided.id())
            .update()
        == 1;
  }

  /**
   * Takes a published comment down, with the take-down's codes and note. Conditional on the comment
   * still being published, so a second take-down finds nothing to change.
   *
   * @return false when the comment was no longer approved
   */
  public boolean remove(Comment removed) {
    return jdbc.sql(
                "UPDATE comment SET status = 'REMOVED', removed_at = ?, codes = ?, note = ?"
                    + " WHERE id = ? AND status = 'APPROVED'")
            .params(
                removed.removedAt().toEpochMilli(),
                GuidelineCode.toList(removed.codes()),
                removed.note(),
                removed.id())
            .update()
        == 1;
  }

  /**
   * Publishes a rejected or removed comment again after an appeal reversed its decision.
   * Conditional on the status it had, so a reversal races nothing.
   *
   * @return false when the comment no longer had status {@code from}
   */
  public boolean reinstate(Comment reinstated, CommentStatus from) {
    return jdbc.sql(
                "UPDATE comment SET status = 'APPROVED', decided_at = ?, codes = '', note = NULL,"
                    + " removed_at = NULL, decided_automatically = ? WHERE id = ? AND status = ?")
            .params(reinstated.decidedAt().toEpochMilli(), false, reinstated.id(), from.name())
            .update()
        == 1;
  }

  private static Comment row(ResultSet rs, int n) throws SQLException {
    long decided = rs.getLong("decided_at");
    Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
    long removed = rs.getLong("removed_at");
    Instant removedAt = rs.wasNull() ? null : Instant.ofEpochMilli(removed);
    return new Comment(
        rs.getLong("id"),
        rs.getLong("article_id"),
        rs.getString("author_name"),
        rs.getString("author_email"),
        rs.getString("body"),
        Instant.ofEpochMilli(rs.getLong("submitted_at")),
        CommentStatus.valueOf(rs.getString("status")),
        decidedAt,
        GuidelineCode.fromList(rs.getString("codes")),
        rs.getString("note"),
        removedAt,
        rs.getBoolean("decided_automatically"));
  }
}
