package org.diwan.comment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.diwan.comment.internal.CommenterEmail;
import org.diwan.guideline.GuidelineCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the site holds about one commenter, by email in any spelling ({@link CommenterEmail}): an
 * export of all of it, and erasure. Erasing replaces the name and email of every comment they wrote
 * by markers (the database allows exactly this change and no other); the texts stay only when
 * {@code diwan.privacy.keep-erased-texts} is on, otherwise they and the texts of the person's
 * appeals are replaced by a removal notice. Client addresses are never stored.
 */
@Service
public class PersonalData {

  static final String REMOVED = "[removed at the author's request]";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final boolean keepTexts;

  PersonalData(JdbcClient jdbc, ApplicationEventPublisher events, CommentProperties properties) {
    this.jdbc = jdbc;
    this.events = events;
    this.keepTexts = properties.privacy().keepErasedTexts();
  }

  /**
   * One comment as exported to the person who wrote it; {@code appeal} is the text of their appeal
   * against its decision, null when they made none.
   */
  public record ExportedComment(
      long id,
      String article,
      String name,
      String email,
      String text,
      Instant submittedAt,
      String status,
      Instant decidedAt,
      Set<GuidelineCode> codes,
      String note,
      String appeal) {}

  /** Everything held about an email. */
  public record Export(String email, List<ExportedComment> comments, String note) {}

  /** Everything held about {@code email}, announced ({@link PersonalDataExported}) first. */
  public Export export(String email, String actor) {
    events.publishEvent(new PersonalDataExported(actor, CommenterEmail.key(email)));
    List<ExportedComment> comments =
        jdbc.sql(
                "SELECT c.id, a.slug, c.author_name, c.author_email, c.body, c.submitted_at,"
                    + " c.status, c.decided_at, c.codes, c.note, p.body FROM comment c"
                    + " JOIN article a ON a.id = c.article_id"
                    + " LEFT JOIN appeal p ON p.comment_id = c.id"
                    + " WHERE c.email_key = ? ORDER BY c.id")
            .param(CommenterEmail.key(email))
            .query(
                (rs, n) -> {
                  long decided = rs.getLong(8);
                  Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
                  return new ExportedComment(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      Instant.ofEpochMilli(rs.getLong(6)),
                      rs.getString(7),
                      decidedAt,
                      GuidelineCode.fromList(rs.getString(9)),
                      rs.getString(10),
                      rs.getString(11));
                })
            .list();
    return new Export(
        email.strip(),
        comments,
        "Diwan stores a commenter's name, email and comments with their moderation outcome. It"
            + " does not store client addresses.");
  }

  /**
   * Erases the person's identifiers (and, by policy, texts) for {@code actor}; returns how many
   * comments changed. Announced ({@link CommenterErased}) in the same transaction.
   */
  @Transactional
  public int erase(String email, String actor) {
    // Appeals first: once the comments are erased their key no longer finds them.
    if (!keepTexts) {
      jdbc.sql(
              "UPDATE appeal SET body = ? WHERE comment_id IN"
                  + " (SELECT id FROM comment WHERE email_key = ?)")
          .params(REMOVED, CommenterEmail.key(email))
          .update();
    }
    int erased =
        jdbc.sql(
                "UPDATE comment SET author_name = '[erased]',"
                    + " author_email = 'erased-' || id || '@invalid',"
                    + " email_key = 'erased-' || id || '@invalid'"
                    + (keepTexts ? "" : ", body = ?")
                    + " WHERE email_key = ?")
            .params(
                keepTexts
                    ? List.of(CommenterEmail.key(email))
                    : List.of(REMOVED, CommenterEmail.key(email)))
            .update();
    // Cached pages and lists must not go on showing the erased name.
    events.publishEvent(new CommenterErased(actor, CommenterEmail.key(email), erased));
    return erased;
  }
}
