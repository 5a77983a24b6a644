package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.audit.AuditEvent;
import org.diwan.audit.AuditTrail;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentIsSuspendedProbe;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.Suspension;
import org.diwan.comment.Suspensions;
import org.diwan.guideline.GuidelineCode;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readers' reports, the Reported queue and suspensions, run against each database. */
abstract class ReportsContract {

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired Moderation moderation;
  @Autowired Reports reports;
  @Autowired Suspensions suspensions;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  Article article;

  @BeforeEach
  void publish() {
    article = articles.publish(ArticleFixtures.english("Council debates the budget"));
  }

  private static String client() {
    int n = CLIENTS.incrementAndGet();
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  private long published() {
    SubmittedComment c = submission.submit(CommentFixtures.valid(article.slug()));
    moderation.decide(
        new Decide(c.id(), DecisionAction.APPROVE, Set.of(), null, "mod@example.org", false));
    return c.id();
  }

  private void takeDecision(long id, DecisionAction action, GuidelineCode code) {
    moderation.decide(new Decide(id, action, Set.of(code), null, "mod@example.org", false));
  }

  private long reportsStored(long commentId) {
    return jdbc.sql("SELECT COUNT(*) FROM comment_report WHERE comment_id = ?")
        .param(commentId)
        .query(Long.class)
        .single();
  }

  private ReportedComment card(long commentId) {
    return reports.queue(1000).stream()
        .filter(r -> r.commentId() == commentId)
        .findFirst()
        .orElse(null);
  }

  @Test
  void aClientsReportIsCountedOncePerComment() {
    long id = published();
    String reader = client();

    assertThat(reports.file(article.slug(), id, "THREAT", "Scary", reader).counted()).isTrue();
    assertThat(reports.file(article.slug(), id, "ABUSE", null, reader).counted()).isFalse();

    assertThat(reportsStored(id)).isEqualTo(1);
    assertThat(card(id).reports()).isEqualTo(1);
    assertThat(card(id).reasons()).containsExactly(Map.entry(GuidelineCode.THREAT, 1));
  }

  @Test
  void theClientIsStoredAsAKeyedHashNeverItsAddress() {
    long id = published();
    reports.file(article.slug(), id, "THREAT", null, "203.0.113.77");

    String stored =
        jdbc.sql("SELECT client_key FROM comment_report WHERE comment_id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(stored).startsWith("hmac:").doesNotContain("203.0.113.77");
  }

  @Test
  void aFloodFromManyClientsIsOneCardKeepingOnlyAFewNotes() {
    long id = published();
    for (int i = 0; i < 60; i++) {
      reports.file(article.slug(), id, i % 3 == 0 ? "ABUSE" : "THREAT", "note " + i, client());
    }

    ReportedComment card = card(id);
    assertThat(reports.queue(1000).stream().filter(r -> r.commentId() == id)).hasSize(1);
    assertThat(card.reports()).isEqualTo(60);
    assertThat(card.reasons())
        .containsExactly(Map.entry(GuidelineCode.THREAT, 40), Map.entry(GuidelineCode.ABUSE, 20));
    assertThat(card.notes()).hasSize(Reports.NOTES_SHOWN);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM comment_report WHERE comment_id = ? AND note IS NOT NULL")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(Reports.NOTES_KEPT);
  }

  @Test
  void oneClientMayFileOnlySoManyReportsAnHour() {
    String reader = client();
    for (int i = 0; i < Reports.PER_HOUR; i++) {
      reports.file(article.slug(), published(), "PROMOTION", null, reader);
    }
    long one = published();

    assertThatThrownBy(() -> reports.file(article.slug(), one, "PROMOTION", null, reader))
        .isInstanceOfSatisfying(
            ReportProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(429));
    assertThat(reportsStored(one)).isZero();
    assertThat(reports.file(article.slug(), one, "PROMOTION", null, client()).counted()).isTrue();
  }

  @Test
  void reportsOnCommentsNotShownOrElsewhereAreRefusedAndNothingIsStored() {
    SubmittedComment pending = submission.submit(CommentFixtures.valid(article.slug()));
    SubmittedComment rejected = submission.submit(CommentFixtures.valid(article.slug()));
    takeDecision(rejected.id(), DecisionAction.REJECT, GuidelineCode.ABUSE);
    long removed = published();
    takeDecision(removed, DecisionAction.REMOVE, GuidelineCode.ABUSE);
    long shown = published();
    Article other = articles.publish(ArticleFixtures.english("Another story"));

    assertThat(status(article.slug(), pending.id())).isEqualTo(409);
    assertThat(status(article.slug(), rejected.id())).isEqualTo(409);
    assertThat(status(article.slug(), removed)).isEqualTo(409);
    assertThat(status(article.slug(), 987_654_321L)).isEqualTo(404);
    assertThat(status(other.slug(), shown)).isEqualTo(404);
    assertThat(status("no-such-article", shown)).isEqualTo(404);
    for (long id : new long[] {pending.id(), rejected.id(), removed, shown}) {
      assertThat(reportsStored(id)).isZero();
    }
  }

  private int status(String slug, long id) {
    try {
      reports.file(slug, id, "THREAT", null, client());
      return 202;
    } catch (ReportProblem p) {
      return p.getStatusCode().value();
    }
  }

  @Test
  void theQueueIsOrderedByReportsThenScreeningRisk() {
    long once = published();
    long thriceLowRisk = published();
    long thriceHighRisk = published();
    setRisk(thriceLowRisk, 0.1);
    setRisk(thriceHighRisk, 0.9);
    reports.file(article.slug(), once, "THREAT", null, client());
    for (int i = 0; i < 3; i++) {
      reports.file(article.slug(), thriceLowRisk, "THREAT", null, client());
      reports.file(article.slug(), thriceHighRisk, "THREAT", null, client());
    }

    assertThat(reports.queue(1000))
        .extracting(ReportedComment::commentId)
        .containsSubsequence(thriceHighRisk, thriceLowRisk, once);
  }

  private void setRisk(long commentId, double risk) {
    jdbc.sql("UPDATE comment_screening SET risk = ? WHERE comment_id = ?")
        .params(risk, commentId)
        .update();
  }

  @Test
  void keepingDismissesTheReportsIsAuditedAndNewReportsBringItBack() {
    long id = published();
    reports.file(article.slug(), id, "THREAT", null, client());
    reports.file(article.slug(), id, "THREAT", null, client());

    assertThat(reports.keep(id, "keeper@example.org")).isEqualTo(2);

    assertThat(card(id)).isNull();
    assertThat(audit.find("keeper@example.org", "comment.kept", 0))
        .extracting(AuditEvent::subject)
        .containsExactly("comment " + id);
    assertThatThrownBy(() -> reports.keep(id, "keeper@example.org"))
        .isInstanceOfSatisfying(
            ReportProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(409));

    reports.file(article.slug(), id, "ABUSE", null, client());
    assertThat(card(id).reports()).isEqualTo(1);
    assertThat(card(id).reasons()).containsExactly(Map.entry(GuidelineCode.ABUSE, 1));
  }

  @Test
  void takingACommentDownTakesItOutOfTheQueue() {
    long id = published();
    reports.file(article.slug(), id, "THREAT", null, client());
    assertThat(card(id)).isNotNull();

    takeDecision(id, DecisionAction.REMOVE, GuidelineCode.THREAT);

    assertThat(card(id)).isNull();
  }

  @Test
  void theWaitingFiguresCountCommentsWithOpenReports() {
    Reports.Waiting before = reports.waiting();
    long id = published();
    reports.file(article.slug(), id, "THREAT", null, client());
    reports.file(article.slug(), id, "THREAT", null, client());

    Reports.Waiting after = reports.waiting();
    assertThat(after.comments()).isEqualTo(before.comments() + 1);
    assertThat(after.oldest()).isNotNull();
  }

  @Test
  void theApiTakesAReportAndAnswersBadOnesWithProblemJson() {
    long id = published();
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    String path = "/api/articles/" + article.slug() + "/comments/" + id + "/reports";

    var taken = web.postJson(path, "{\"code\": \"THREAT\", \"note\": \"A threat\"}");
    assertThat(taken.statusCode()).isEqualTo(202);
    assertThat(taken.body()).contains("\"counted\":true");

    var badCode = web.postJson(path, "{\"code\": \"NONSENSE\"}");
    assertThat(badCode.statusCode()).isEqualTo(400);
    assertThat(badCode.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(badCode.body()).contains("report.invalid");

    var longNote =
        web.postJson(path, "{\"code\": \"THREAT\", \"note\": \"" + "x".repeat(301) + "\"}");
    assertThat(longNote.statusCode()).isEqualTo(400);

    var unknown =
        web.postJson(
            "/api/articles/" + article.slug() + "/comments/987654321/reports",
            "{\"code\": \"THREAT\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("report.no-comment");
    assertThat(reportsStored(id)).isEqualTo(1);
    assertThat(web.getJson("/v3/api-docs").body())
        .contains("/api/articles/{slug}/comments/{id}/reports");
  }

  @Test
  void aReportLeavesTheArticlePagesCachedCopyValid() {
    long id = published();
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    String page = "/articles/" + article.slug();
    String before = web.get(page).headers().firstValue("ETag").orElseThrow();

    reports.file(article.slug(), id, "THREAT", null, client());

    assertThat(web.get(page).headers().firstValue("ETag")).contains(before);
  }

  @Test
  void aReaderReportsThroughTheArticlePagesLinkAndFormWithoutJavaScript() {
    long id = published();
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    String reportPath = "/articles/" + article.slug() + "/comments/" + id + "/report";
    assertThat(web.get("/articles/" + article.slug()).body()).contains(reportPath);

    var page = web.get(reportPath);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Report this comment", "value=\"THREAT\"");

    var sent = web.submitForm(reportPath, reportPath, Map.of("code", "THREAT", "note", "Menacing"));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Your report has reached our moderators");
    assertThat(card(id).notes()).containsExactly("Menacing");

    var noCsrf =
        web.post(reportPath, "application/x-www-form-urlencoded", "code=THREAT&note=again");
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(reportsStored(id)).isEqualTo(1);
  }

  @Test
  void aSuspendedAddressIsRefusedSayingUntilWhenAndLiftingAllowsItAgain() {
    String email = CommentFixtures.email();
    submission.submit(new SubmitComment(article.slug(), "Rostam", email, "First, on topic."));

    Suspension s = suspensions.suspend(email, Duration.ofDays(7), "Abuse all day", "mod@x.org");
    assertThat(s.endsAt()).isNotNull();

    long before = jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
    SubmitComment next =
        new SubmitComment(article.slug(), "Rostam", " " + email.toUpperCase() + " ", "Again.");
    assertThatThrownBy(() -> submission.submit(next))
        .satisfies(e -> assertThat(CommentIsSuspendedProbe.until(e)).isEqualTo(s.endsAt()));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single())
        .isEqualTo(before);

    assertThat(suspensions.lift(email, "lifter@x.org")).isEqualTo(1);
    assertThat(submission.submit(next).id()).isPositive();
    assertThat(suspensions.inForce(email)).isEmpty();
  }

  @Test
  void suspensionsAreStoredHashedAndTheirHistoryAndAuditKeepEveryStep() {
    String email = CommentFixtures.email();
    suspensions.suspend(email, null, "Spam", "suspender@x.org");
    suspensions.lift(email, "suspender@x.org");
    suspensions.suspend(email, Duration.ofDays(1), "Spam again", "suspender@x.org");

    assertThat(suspensions.history(email))
        .extracting(Suspension::reason, s -> s.liftedBy() != null)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Spam again", false),
            org.assertj.core.groups.Tuple.tuple("Spam", true));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM commenter_suspension WHERE email_hash LIKE ?")
                .param("%" + email + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(audit.find("suspender@x.org", "commenter.", 0))
        .extracting(AuditEvent::action)
        .containsExactly("commenter.suspended", "commenter.unsuspended", "commenter.suspended");
  }

  @Test
  void theApiRefusesASuspendedCommenterWith403AndTheDate() {
    String email = CommentFixtures.email();
    Suspension s = suspensions.suspend(email, Duration.ofDays(30), "Threats", "mod@x.org");
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));

    var refused =
        web.postJson(
            "/api/articles/" + article.slug() + "/comments",
            "{\"name\": \"Rostam\", \"email\": \"" + email + "\", \"text\": \"Hello there.\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("comment.suspended", s.endsAt().toString());
  }

  @Test
  void suspendingWithoutAReasonOrAnAddressIsRefused() {
    assertThatThrownBy(() -> suspensions.suspend("not-an-address", null, "Spam", "m@x.org"))
        .hasMessageContaining("e-mail address");
    assertThatThrownBy(() -> suspensions.suspend("a@example.org", null, " ", "m@x.org"))
        .hasMessageContaining("reason");
  }
}
