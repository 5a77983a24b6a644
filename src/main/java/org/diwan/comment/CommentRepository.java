package org.diwan.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diwan.guideline.GuidelineCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Comments in plain SQL. There is deliberately no statement that updates a comment's text, author
 * or article; the database refuses one anyway (trigger {@code comment_is_immutable}).
 */
@Repository
class CommentRepository {

  private static final String COLUMNS =
      "id, article_id, author_name, author_email, body, submitted_at, status, decided_at, codes,"
          + " note";

  private final JdbcClient jdbc;

  CommentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long articleId, String tokenHash, CommentDraft draft, Instant at) {
    return jdbc.sql(
            "INSERT INTO comment (article_id, token_hash, author_name, author_email, body,"
                + " submitted_at, status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING') RETURNING id")
        .params(articleId, tokenHash, draft.name(), draft.email(), draft.text(), at.toEpochMilli())
        .query(Long.class)
        .single();
  }

  Optional<Comment> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = ?")
        .param(id)
        .query(CommentRepository::row)
        .optional();
  }

  Optional<Comment> findByTokenHash(String tokenHash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE token_hash = ?")
        .param(tokenHash)
        .query(CommentRepository::row)
        .optional();
  }

  List<Comment> queue(
      CommentStatus status, Long articleId, String email, long after, int limit, boolean newest) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM comment WHERE status = ?");
    List<Object> params = new java.util.ArrayList<>(List.of(status.name()));
    if (articleId != null) {
      sql.append(" AND article_id = ?");
      params.add(articleId);
    }
    if (email != null) {
      sql.append(" AND author_email = ?");
      params.add(email);
    }
    if (after > 0) {
      sql.append(newest ? " AND id < ?" : " AND id > ?");
      params.add(after);
    }
    sql.append(newest ? " ORDER BY id DESC" : " ORDER BY id").append(" LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(CommentRepository::row).list();
  }

  List<Comment> history(String email, long beforeId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM comment WHERE author_email = ? AND id < ?"
                + " ORDER BY id DESC LIMIT ?")
        .params(email, beforeId, limit)
        .query(CommentRepository::row)
        .list();
  }

  long countByStatus(CommentStatus status) {
    return jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = ?")
        .param(status.name())
        .query(Long.class)
        .single();
  }

  Optional<Instant> oldestPending() {
    return jdbc.sql("SELECT submitted_at FROM comment WHERE status = 'PENDING' ORDER BY id LIMIT 1")
        .query(Long.class)
        .optional()
        .map(Instant::ofEpochMilli);
  }

  List<java.time.Duration> waitsDecidedSince(Instant since) {
    return jdbc
        .sql(
            "SELECT decided_at - submitted_at FROM comment"
                + " WHERE decided_at IS NOT NULL AND decided_at >= ?")
        .param(since.toEpochMilli())
        .query(Long.class)
        .list()
        .stream()
        .map(java.time.Duration::ofMillis)
        .toList();
  }

  /** Approved comments of an article with an id above {@code afterId}, oldest first. */
  List<PublishedComment> approved(long articleId, long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, author_name, body, submitted_at FROM comment"
                + " WHERE article_id = ? AND status = 'APPROVED' AND id > ? ORDER BY id LIMIT ?")
        .params(articleId, afterId, limit)
        .query(
            (rs, n) ->
                new PublishedComment(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  /**
   * Moves a pending comment to its decided state. Conditional on the comment still being pending,
   * so of two moderators deciding at once exactly one succeeds.
   *
   * @return false when the comment was no longer pending
   */
  boolean decide(Comment decided) {
    return jdbc.sql(
                "UPDATE comment SET status = ?, decided_at = ?, codes = ?, note = ?"
                    + " WHERE id = ? AND status = 'PENDING'")
            .params(
                decided.status().name(),
                decided.decidedAt().toEpochMilli(),
                GuidelineCode.toList(decided.codes()),
                decided.note(),
                decided.id())
            .update()
        == 1;
  }

  private static Comment row(ResultSet rs, int n) throws SQLException {
    long decided = rs.getLong("decided_at");
    Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
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
        rs.getString("note"));
  }
}
