package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.Appeal;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.GuidelineCode;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.web.util.HtmlUtils;

/** The Appeals tab of the moderation console and the dashboard's appeal lines. */
@OnSqlite
class AppealConsoleTest {

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentStatuses statuses;
  @Autowired CommentAppeals appeals;
  @Autowired Moderation moderation;
  @Autowired StaffAccounts accounts;
  @Autowired Environment environment;

  Article article;
  String ana;
  String ben;

  @BeforeEach
  void setUp() {
    article = articles.publish(ArticleFixtures.english("Appeals in the console"));
    ana = StaffFixtures.member(accounts, Role.MODERATOR);
    ben = StaffFixtures.member(accounts, Role.MODERATOR);
  }

  private WebClient logIn(String email) {
    return new WebClient(environment.getRequiredProperty("local.server.port", Integer.class))
        .logIn(email, StaffFixtures.PASSWORD);
  }

  private SubmittedComment rejectedAndAppealed(String by, String text, String appeal) {
    SubmittedComment c = submission.submit(CommentFixtures.withText(article.slug(), text));
    moderation.decide(
        new Decide(
            c.id(),
            DecisionAction.REJECT,
            Set.of(GuidelineCode.OFF_TOPIC),
            "Not about the council.",
            by,
            false));
    appeals.file(c.token(), appeal);
    return c;
  }

  private static String shown(HttpResponse<String> page) {
    return HtmlUtils.htmlUnescape(page.body());
  }

  @Test
  void theAppealsTabShowsTheCommentTheDecisionWhoMadeItTheAppealAndItsAgeOldestFirst() {
    rejectedAndAppealed(ana, "First rejected comment.", "First appeal text.");
    rejectedAndAppealed(ana, "Second rejected comment.", "Second appeal text.");

    String page = shown(logIn(ben).get("/moderation/appeals"));

    assertThat(page)
        .contains("First rejected comment.")
        .contains("rejected by <strong>" + ana + "</strong>")
        .contains("OFF_TOPIC")
        .contains("Not about the council.")
        .contains("appealed ")
        .contains("Reverse and publish")
        .contains("Uphold the decision");
    assertThat(page.indexOf("First appeal text.")).isLessThan(page.indexOf("Second appeal text."));
    assertThat(shown(logIn(ben).get("/moderation?status=PENDING")))
        .contains("href=\"/moderation/appeals\"");
  }

  @Test
  void theModeratorWhoDecidedIsToldAndRefusedAndAnotherReverses() {
    SubmittedComment c = rejectedAndAppealed(ana, "Ana rejected this.", "Ana should not judge.");
    long appealId = appeals.ofComment(c.id()).map(Appeal::id).orElseThrow();
    String action = "/moderation/appeals/" + appealId + "/decision";

    WebClient anaWeb = logIn(ana);
    assertThat(shown(anaWeb.get("/moderation/appeals")))
        .contains("You made this decision, so another moderator must decide the appeal.")
        .doesNotContain("action=\"" + action + "\"");
    HttpResponse<String> refused =
        anaWeb.submitForm("/moderation/appeals", action, Map.of("outcome", "REVERSED"));
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(shown(anaWeb.get("/moderation/appeals"))).contains("another moderator must decide");
    assertThat(appeals.ofComment(c.id()).orElseThrow().waiting()).isTrue();

    WebClient benWeb = logIn(ben);
    benWeb.submitForm("/moderation/appeals", action, Map.of("outcome", "REVERSED"));

    assertThat(shown(benWeb.get("/moderation/appeals")))
        .contains("reversed: comment " + c.id() + " is published");
    assertThat(statuses.byToken(c.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.APPROVED);
  }

  @Test
  void theDashboardCountsAppealsWaitingTheOldestAndTheOutcomes() {
    SubmittedComment upheld = rejectedAndAppealed(ana, "To be upheld.", "Please.");
    rejectedAndAppealed(ana, "Still waiting.", "Please look.");
    WebClient benWeb = logIn(ben);
    long appealId = appeals.ofComment(upheld.id()).map(Appeal::id).orElseThrow();
    benWeb.submitForm(
        "/moderation/appeals",
        "/moderation/appeals/" + appealId + "/decision",
        Map.of("outcome", "UPHELD"));

    String dashboard = shown(benWeb.get("/moderation/dashboard"));

    assertThat(dashboard).contains("appeals waiting").contains("oldest appeal has waited");
    assertThat(dashboard).containsPattern("\\d+ upheld · \\d+ reversed");
    assertThat(dashboard).doesNotContain("0 upheld");
  }

  @Test
  void onlyModeratorsSeeTheAppeals() {
    String editor = StaffFixtures.member(accounts, Role.EDITOR);

    assertThat(logIn(editor).get("/moderation/appeals").statusCode()).isEqualTo(403);
  }
}
