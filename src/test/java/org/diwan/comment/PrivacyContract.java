package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.audit.AuditEvent;
import org.diwan.audit.AuditTrail;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export and erasure of a commenter's data, against each supported database. */
abstract class PrivacyContract {

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired ApiKeys keys;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired org.diwan.comment.CommentDecisions decisions;
  @Autowired org.diwan.comment.PersonalData personalData;
  @Autowired CommentAppeals appeals;
  @Autowired Environment environment;

  @Test
  void adminExportsThenErasesAnEmailAndTheAuditLogSaysSo() {
    Article article = articles.publish(ArticleFixtures.english("Privacy"));
    String email = "private-" + System.nanoTime() + "@example.org";
    long id = submission.submit(new SubmitComment(article.slug(), "Layla", email, "My view")).id();
    submission.submit(new SubmitComment(article.slug(), "Other", "other-" + email, "Not hers"));
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    String[] admin = {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.ADMIN)};

    HttpResponse<String> export =
        web.send("GET", "/api/admin/personal-data?email=" + email, null, admin);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body()).contains("My view").contains("Layla").doesNotContain("Not hers");

    HttpResponse<String> erased =
        web.send("DELETE", "/api/admin/personal-data?email=" + email, null, admin);
    assertThat(erased.body()).contains("\"erased\":1");
    var row =
        jdbc.sql("SELECT author_name, author_email, body FROM comment WHERE id = ?")
            .param(id)
            .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
            .single();
    assertThat(row)
        .isEqualTo("[erased]|erased-" + id + "@invalid|[removed at the author's request]");
    assertThat(audit.find("key:test ADMIN", "privacy.", 0)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(web.send("GET", "/api/admin/personal-data?email=" + email, null, admin).body())
        .doesNotContain("My view");
    assertThat(
            web.send(
                    "GET",
                    "/api/admin/personal-data?email=" + email,
                    null,
                    "Authorization",
                    "Bearer " + StaffFixtures.key(keys, Role.MODERATOR))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void erasureReachesCachedPagesAndListsAtOnce() {
    Article article = articles.publish(ArticleFixtures.english("Cached privacy"));
    String email = "cached-" + System.nanoTime() + "@example.org";
    long id =
        submission.submit(new SubmitComment(article.slug(), "Nasrin Qadir", email, "Visible")).id();
    decisions.approve(id);
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    assertThat(web.get(article.path()).body()).contains("Nasrin Qadir");
    assertThat(web.getJson("/api/articles/" + article.slug() + "/comments").body())
        .contains("Nasrin Qadir");

    personalData.erase(email, "test");

    assertThat(web.get(article.path()).body()).doesNotContain("Nasrin Qadir").contains("[erased]");
    assertThat(web.getJson("/api/articles/" + article.slug() + "/comments").body())
        .doesNotContain("Nasrin Qadir")
        .doesNotContain("Visible");
  }

  @Test
  void anAppealsTextIsExportedWithItsCommentAndErasedWithIt() {
    Article article = articles.publish(ArticleFixtures.english("Appealed privacy"));
    String email = "appealing-" + System.nanoTime() + "@example.org";
    SubmittedComment c =
        submission.submit(new SubmitComment(article.slug(), "Dara", email, "My first view"));
    decisions.reject(c.id(), java.util.Set.of(org.diwan.guideline.GuidelineCode.OFF_TOPIC), null);
    appeals.file(c.token(), "I was answering the mayor's own words.");

    assertThat(personalData.export(email, "test").comments())
        .extracting(PersonalData.ExportedComment::appeal)
        .containsExactly("I was answering the mayor's own words.");

    personalData.erase(email, "test");

    assertThat(
            jdbc.sql("SELECT body FROM appeal WHERE comment_id = ?")
                .param(c.id())
                .query(String.class)
                .single())
        .isEqualTo(PersonalData.REMOVED);
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE appeal SET body = 'rewritten' WHERE comment_id = ?")
                    .param(c.id())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append_only");
  }

  @Test
  void erasureIsTheOnlyChangeTheDatabaseLetsThrough() {
    Article article = articles.publish(ArticleFixtures.english("Still immutable"));
    long id =
        submission
            .submit(
                new SubmitComment(
                    article.slug(), "Sara", "sara-" + System.nanoTime() + "@example.org", "Text"))
            .id();

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE comment SET author_name = '[erased]', author_email = 'someone@else.org' WHERE id = ?")
                    .param(id)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("comment_is_immutable");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE comment SET author_name = '[erased]', author_email = 'erased-' || id || '@invalid', body = 'rewritten' WHERE id = ?")
                    .param(id)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("comment_is_immutable");
  }

  @Test
  void exportErasureAndTheQueueFindEverySpellingOfAnAddress() {
    Article article = articles.publish(ArticleFixtures.english("Spellings"));
    String local = "erase.me." + System.nanoTime();
    List<String> spellings =
        List.of(
            local + "@example.test",
            "Erase.Me." + local.substring(9) + "@Example.test",
            local.toUpperCase(Locale.ROOT) + "@EXAMPLE.TEST");
    for (int i = 0; i < spellings.size(); i++) {
      long id =
          submission
              .submit(new SubmitComment(article.slug(), "Rezan", spellings.get(i), "Spelling " + i))
              .id();
      decisions.approve(id);
    }
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    String[] admin = {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.ADMIN)};
    String[] moderator = {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.MODERATOR)};

    assertThat(
            web.send(
                    "GET",
                    "/api/moderation/queue?status=APPROVED&email=%20" + spellings.get(2),
                    null,
                    moderator)
                .body())
        .contains("Spelling 0", "Spelling 1", "Spelling 2");
    assertThat(personalData.export(" " + spellings.get(1), "test").comments()).hasSize(3);

    HttpResponse<String> erased =
        web.send("DELETE", "/api/admin/personal-data?email=" + spellings.get(0), null, admin);

    assertThat(erased.body()).contains("\"erased\":3");
    assertThat(web.getJson("/api/articles/" + article.slug() + "/comments").body())
        .doesNotContain("Spelling")
        .doesNotContain("Rezan");
  }

  @Test
  void theAuditLogKeepsAKeyedHashOfTheAddressThatMatchesAcrossSpellings() {
    String local = "audited." + System.nanoTime();
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    String[] admin = {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.ADMIN)};

    web.send("GET", "/api/admin/personal-data?email=" + local + "@Example.test", null, admin);
    web.send("DELETE", "/api/admin/personal-data?email=" + local + "@example.test", null, admin);

    List<AuditEvent> entries =
        audit.find("key:test ADMIN", "privacy.", 0).stream()
            .filter(e -> e.at().isAfter(Instant.now().minusSeconds(60)))
            .limit(2)
            .toList();
    assertThat(entries)
        .extracting(AuditEvent::action)
        .contains("privacy.exported", "privacy.erased");
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.subject()).startsWith("hmac:").doesNotContain("@");
              assertThat(e.subject() + e.detail()).doesNotContainIgnoringCase(local);
            });
    assertThat(entries.get(0).subject()).isEqualTo(entries.get(1).subject());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject LIKE ?")
                .param("%" + local + "%")
                .query(Long.class)
                .single())
        .isZero();
  }
}
