package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.Suspensions;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The Reported queue, suspensions and their dashboard lines as a moderator uses them. */
@OnSqlite
class ReportedConsoleTest {

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired Moderation moderation;
  @Autowired Reports reports;
  @Autowired Suspensions suspensions;
  @Autowired StaffAccounts accounts;
  @Autowired Environment environment;

  @Autowired org.diwan.audit.AuditTrail audit;

  WebClient moderator;
  String moderatorEmail;
  WebClient reader;
  Article article;
  int clients;

  @BeforeEach
  void logIn() {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    moderatorEmail = StaffFixtures.member(accounts, Role.MODERATOR);
    moderator = new WebClient(port).logIn(moderatorEmail, StaffFixtures.PASSWORD);
    reader = new WebClient(port);
    article = articles.publish(ArticleFixtures.english("Bridge repairs start"));
  }

  private SubmittedComment published(String email) {
    SubmittedComment c =
        submission.submit(new SubmitComment(article.slug(), "Kawa", email, "The bridge is late."));
    moderation.decide(
        new Decide(c.id(), DecisionAction.APPROVE, Set.of(), null, "mod@example.org", false));
    return c;
  }

  private void reportTimes(long id, int times) {
    for (int i = 0; i < times; i++) {
      reports.file(article.slug(), id, "PERSONAL_ATTACK", "rude " + i, "192.0.2." + ++clients);
    }
  }

  /** Posts a page's form as a browser without the console's script does (no JSON asked for). */
  private static HttpResponse<String> press(
      WebClient client, String page, String action, Map<String, String> fields) {
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", client.csrfToken(page));
    return client.postForm(action, all);
  }

  private HttpResponse<String> follow(HttpResponse<String> redirect) {
    java.net.URI to = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
    return moderator.get(
        to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()));
  }

  private String reportedPage() {
    HttpResponse<String> page = moderator.get("/moderation/reported");
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  @Test
  void aReportedCommentShowsItsCountReasonsAndNotesAndKeepingItTakesItOffTheQueue() {
    long id = published(CommentFixtures.email()).id();
    reportTimes(id, 3);

    assertThat(reportedPage())
        .contains("data-id=\"" + id + "\"", "3 reports", "PERSONAL_ATTACK 3", "rude 0");
    assertThat(moderator.get("/moderation?status=REPORTED").statusCode()).isEqualTo(302);

    HttpResponse<String> kept =
        press(moderator, "/moderation/reported", "/moderation/comments/" + id + "/keep", Map.of());
    assertThat(kept.statusCode()).isEqualTo(302);
    assertThat(reportedPage()).doesNotContain("data-id=\"" + id + "\"");
    assertThat(audit.find(moderatorEmail, "comment.kept", 0)).hasSize(1);
  }

  @Test
  void aFullReportedQueueSaysHowManyMoreWaitAndTheNextComeUpAsTheseAreDecided() {
    long least = published(CommentFixtures.email()).id();
    reportTimes(least, 1);
    int shown = 25;
    for (int i = 0; i < shown; i++) {
      reportTimes(published(CommentFixtures.email()).id(), 2);
    }
    String page = reportedPage();
    long waiting = reports.waiting().comments();
    assertThat(page)
        .contains(waiting + " waiting")
        .contains("the other " + (waiting - shown) + " come up")
        .doesNotContain("data-id=\"" + least + "\"")
        .contains("<a href=\"/moderation/appeals\"");

    for (var open : reports.queue(1_000)) {
      if (open.commentId() != least) {
        reports.keep(open.commentId(), moderatorEmail);
      }
    }
    assertThat(reportedPage()).contains("data-id=\"" + least + "\"").doesNotContain("come up");
  }

  @Test
  void takingDownFromTheReportedQueueRemovesTheCommentFromTheArticle() {
    long id = published(CommentFixtures.email()).id();
    reportTimes(id, 1);
    assertThat(reader.get("/articles/" + article.slug()).body()).contains("comment-" + id);

    HttpResponse<String> removed =
        press(
            moderator,
            "/moderation/reported",
            "/moderation/comments/" + id + "/decision",
            Map.of("action", "REMOVE", "codes", "PERSONAL_ATTACK", "back", "status=REPORTED"));

    assertThat(removed.headers().firstValue("Location").orElse("")).contains("status=REPORTED");
    assertThat(reportedPage()).doesNotContain("data-id=\"" + id + "\"");
    assertThat(reader.get("/articles/" + article.slug()).body()).doesNotContain("comment-" + id);
  }

  @Test
  void aCommenterSuspendedFromTheirCardIsRefusedOnTheFormWithTheDateUntilLifted() {
    String email = CommentFixtures.email();
    long id = published(email).id();
    reportTimes(id, 1);
    assertThat(reportedPage()).contains("/moderation/suspensions?comment=" + id);
    assertThat(moderator.get("/moderation/suspensions?comment=" + id).body()).contains(email);

    HttpResponse<String> suspended =
        press(
            moderator,
            "/moderation/suspensions?comment=" + id,
            "/moderation/suspensions",
            Map.of("email", email, "days", "7", "reason", "Insults all day"));
    assertThat(suspended.statusCode()).isEqualTo(302);
    String history = follow(suspended).body();
    assertThat(history).contains("Suspended " + email + " until", "Insults all day");
    assertThat(reportedPage()).contains("suspended until");

    String page = "/articles/" + article.slug();
    Map<String, String> comment = Map.of("name", "Kawa", "email", email, "text", "Once more.");
    HttpResponse<String> refused = press(reader, page, page + "/comments", comment);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Commenting suspended", "suspended until");

    press(
        moderator,
        "/moderation/suspensions?email=" + email,
        "/moderation/suspensions/lift",
        Map.of("email", email));
    assertThat(suspensions.inForce(email)).isEmpty();
    assertThat(press(reader, page, page + "/comments", comment).statusCode()).isIn(200, 201, 303);
    assertThat(audit.find(moderatorEmail, "commenter.", 0))
        .extracting(org.diwan.audit.AuditEvent::action)
        .containsExactlyInAnyOrder("commenter.suspended", "commenter.unsuspended");
  }

  @Test
  void suspendingAnAddressThatNeverCommentedIsAllowedAndSaysSo() {
    String email = "never." + CommentFixtures.email();
    HttpResponse<String> done =
        press(
            moderator,
            "/moderation/suspensions",
            "/moderation/suspensions",
            Map.of("email", email, "days", "none", "reason", "Known spammer"));
    String page = follow(done).body();
    assertThat(page).contains("with no end date", "No comment has come from this address yet");
  }

  @Test
  void aBadSuspensionIsRefusedOnThePageAndNothingIsStored() {
    HttpResponse<String> done =
        press(
            moderator,
            "/moderation/suspensions",
            "/moderation/suspensions",
            Map.of("email", "nobody", "days", "7", "reason", "x"));
    String page = follow(done).body();
    assertThat(page).contains("Give the commenter");
    assertThat(suspensions.history("nobody")).isEmpty();
  }

  @Test
  void theDashboardCountsReportedCommentsAndSuspensions() {
    long id = published(CommentFixtures.email()).id();
    reportTimes(id, 2);
    suspensions.suspend(CommentFixtures.email(), null, "Spam", "mod@example.org");

    String dashboard = moderator.get("/moderation/dashboard").body();
    assertThat(dashboard)
        .contains("reported comments waiting", "oldest open report has waited")
        .containsPattern("data-reported>[1-9]")
        .containsPattern("data-suspensions>[1-9]");
  }
}
