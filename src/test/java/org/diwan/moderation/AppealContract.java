package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.audit.AuditEvent;
import org.diwan.audit.AuditTrail;
import org.diwan.comment.Appeal;
import org.diwan.comment.AppealDecided;
import org.diwan.comment.AppealFiled;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.AppealRefused;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.GuidelineCode;
import org.diwan.guideline.Guidelines;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.util.HtmlUtils;

/**
 * Appeals against rejections and take-downs, decided by another moderator, and the statement of
 * reasons on the status page, run against each database the site supports.
 */
@RecordApplicationEvents
abstract class AppealContract {

  static final String ANA = "ana@example.org";
  static final String BEN = "ben@example.org";

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentStatuses statuses;
  @Autowired Moderation moderation;
  @Autowired CommentAppeals appeals;
  @Autowired AppealDecisions appealDecisions;
  @Autowired Policies policies;
  @Autowired Guidelines guidelines;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @Autowired ApplicationEvents events;

  Article article;
  WebClient web;

  @BeforeEach
  void publish() {
    article = articles.publish(ArticleFixtures.english("Council debates the budget"));
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private SubmittedComment comment(Article on, String text) {
    return submission.submit(CommentFixtures.withText(on.slug(), text));
  }

  private SubmittedComment rejectedBy(String moderator, String text) {
    SubmittedComment c = comment(article, text);
    moderation.decide(
        new Decide(
            c.id(),
            DecisionAction.REJECT,
            Set.of(GuidelineCode.OFF_TOPIC),
            "Please stay on the article's subject.",
            moderator,
            false));
    return c;
  }

  private long appealCount(long commentId) {
    return jdbc.sql("SELECT COUNT(*) FROM appeal WHERE comment_id = ?")
        .param(commentId)
        .query(Long.class)
        .single();
  }

  private static int status(Runnable refused) {
    try {
      refused.run();
    } catch (AppealRefused e) {
      return e.getStatusCode().value();
    } catch (ModerationProblem e) {
      return e.getStatusCode().value();
    }
    throw new AssertionError("not refused");
  }

  private String page(String path) {
    return HtmlUtils.htmlUnescape(web.get(path).body());
  }

  @Test
  void aCommentCanBeAppealedOnceOnlyAndTheSecondAppealStoresNothing() {
    SubmittedComment c = rejectedBy(ANA, "The budget misses the libraries entirely.");

    Appeal appeal = appeals.file(c.token(), "It is about the library budget, which is on topic.");

    assertThat(appeal.waiting()).isTrue();
    assertThat(status(() -> appeals.file(c.token(), "Please look again."))).isEqualTo(409);
    assertThat(appealCount(c.id())).isEqualTo(1);
    assertThat(appeals.ofComment(c.id()).orElseThrow().text())
        .isEqualTo("It is about the library budget, which is on topic.");
    assertThat(events.stream(AppealFiled.class))
        .extracting(AppealFiled::commentId)
        .containsExactly(c.id());
  }

  @Test
  void appealsOnPendingApprovedOrUnknownCommentsAreRefusedAndStoreNothing() {
    SubmittedComment pending = comment(article, "Waiting for a moderator.");
    SubmittedComment approved = comment(article, "Already published.");
    moderation.decide(
        new Decide(approved.id(), DecisionAction.APPROVE, Set.of(), null, ANA, false));

    assertThat(status(() -> appeals.file(pending.token(), "Why?"))).isEqualTo(409);
    assertThat(status(() -> appeals.file(approved.token(), "Why?"))).isEqualTo(409);
    assertThat(status(() -> appeals.file("not-a-token", "Why?"))).isEqualTo(404);
    assertThat(appealCount(pending.id()) + appealCount(approved.id())).isZero();
  }

  @Test
  void theExplanationIsRequiredLimitedAndCleanedLikeACommentsText() {
    SubmittedComment c = rejectedBy(ANA, "A comment to appeal for.");

    assertThat(status(() -> appeals.file(c.token(), " \u200b "))).isEqualTo(400);
    assertThat(status(() -> appeals.file(c.token(), "x".repeat(1_001)))).isEqualTo(400);
    assertThat(appealCount(c.id())).isZero();

    Appeal appeal = appeals.file(c.token(), "  It was <b>on</b> topic\u202e.  ");
    assertThat(appeal.text()).isEqualTo("It was <b>on</b> topic.");
  }

  @Test
  void theModeratorWhoDecidedCannotDecideTheAppeal() {
    SubmittedComment c = rejectedBy(ANA, "Refused by Ana.");
    Appeal appeal = appeals.file(c.token(), "Please let another moderator look.");

    assertThatThrownBy(
            () ->
                appealDecisions.decide(
                    new DecideAppeal(appeal.id(), AppealOutcome.REVERSED, "Ana@Example.org")))
        .isInstanceOfSatisfying(
            ModerationProblem.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(403);
              assertThat(e.getMessage()).contains("another moderator");
            });
    assertThat(appeals.byId(appeal.id()).orElseThrow().waiting()).isTrue();
    assertThat(statuses.byToken(c.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.REJECTED);
  }

  @Test
  void anotherModeratorReversesARejectionAndTheCommentIsOnTheArticlePage() {
    String text = "The libraries deserve a line in this budget.";
    SubmittedComment c = rejectedBy(ANA, text);
    Appeal appeal = appeals.file(c.token(), "Libraries are part of the budget.");
    assertThat(page(article.path())).doesNotContain(text); // and now the page is cached

    Appeal decided =
        appealDecisions.decide(new DecideAppeal(appeal.id(), AppealOutcome.REVERSED, BEN));

    assertThat(decided.outcome()).isEqualTo(AppealOutcome.REVERSED);
    assertThat(statuses.byToken(c.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.APPROVED);
    assertThat(page(article.path())).contains(text);
    assertThat(page(c.statusPath()))
        .contains("reviewed your appeal on")
        .contains("reversed the decision")
        .contains("Libraries are part of the budget.")
        .doesNotContain(BEN);
    // Append-only: the rejection stays on record, the reversal is an approval of its own.
    assertThat(
            jdbc.sql("SELECT action FROM moderation_decision WHERE comment_id = ? ORDER BY id")
                .param(c.id())
                .query(String.class)
                .list())
        .containsExactly("REJECT", "APPROVE");
    assertThat(audit.find(BEN, "appeal.", 0))
        .extracting(AuditEvent::action)
        .containsExactly("appeal.reversed");
    assertThat(events.stream(AppealDecided.class))
        .extracting(AppealDecided::outcome)
        .containsExactly(AppealOutcome.REVERSED);
  }

  @Test
  void reversingATakeDownPublishesTheCommentAgain() {
    String text = "Published, taken down, then back.";
    SubmittedComment c = comment(article, text);
    moderation.decide(new Decide(c.id(), DecisionAction.APPROVE, Set.of(), null, BEN, false));
    moderation.decide(
        new Decide(
            c.id(), DecisionAction.REMOVE, Set.of(GuidelineCode.PROMOTION), null, ANA, false));
    assertThat(page(article.path())).doesNotContain(text);
    Appeal appeal = appeals.file(c.token(), "This is not spam.");

    appealDecisions.decide(new DecideAppeal(appeal.id(), AppealOutcome.REVERSED, BEN));

    var view = statuses.byToken(c.token()).orElseThrow();
    assertThat(view.status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(view.removedAt()).isNull();
    assertThat(page(article.path())).contains(text);
  }

  @Test
  void anUpheldDecisionKeepsTheCommentHiddenAndTheStatusPageSaysSo() {
    String text = "Still off topic, I admit.";
    SubmittedComment c = rejectedBy(ANA, text);
    Appeal appeal = appeals.file(c.token(), "Please reconsider.");

    appealDecisions.decide(new DecideAppeal(appeal.id(), AppealOutcome.UPHELD, BEN));

    assertThat(statuses.byToken(c.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.REJECTED);
    assertThat(page(article.path())).doesNotContain(text);
    assertThat(page(c.statusPath()))
        .contains("upheld the decision")
        .doesNotContain("Send the appeal");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM moderation_decision WHERE comment_id = ?")
                .param(c.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            status(
                () ->
                    appealDecisions.decide(
                        new DecideAppeal(appeal.id(), AppealOutcome.REVERSED, "cy@example.org"))))
        .isEqualTo(409);
    assertThat(statuses.byToken(c.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.REJECTED);
  }

  @Test
  void anAutomaticDecisionsAppealMayBeDecidedByAnyModerator() {
    policies.replace(Map.of(GuidelineCode.PERSONAL_ATTACK, 0.01), null, "test");
    SubmittedComment auto;
    try {
      auto = comment(article, "you are such an id10t");
    } finally {
      policies.replace(Map.of(), null, "test");
    }
    assertThat(statuses.byToken(auto.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.REJECTED);
    Appeal appeal = appeals.file(auto.token(), "It was a joke between friends.");

    appealDecisions.decide(new DecideAppeal(appeal.id(), AppealOutcome.UPHELD, ANA));

    assertThat(appeals.byId(appeal.id()).orElseThrow().outcome()).isEqualTo(AppealOutcome.UPHELD);
  }

  @Test
  void appealsAndTheirOutcomesCannotBeChangedOrRemoved() {
    SubmittedComment c = rejectedBy(ANA, "On the record.");
    Appeal appeal = appeals.file(c.token(), "Please look again.");
    appealDecisions.decide(new DecideAppeal(appeal.id(), AppealOutcome.UPHELD, BEN));

    for (String sql :
        List.of(
            "UPDATE appeal SET body = 'changed'",
            "DELETE FROM appeal",
            "UPDATE appeal_outcome SET outcome = 'REVERSED'",
            "DELETE FROM appeal_outcome")) {
      assertThatThrownBy(() -> jdbc.sql(sql).update())
          .as(sql)
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append_only");
    }
  }

  @Test
  void theStatementOfReasonsGivesTheDecisionItsDateTheGuidelinesWordsAndHowToAppeal() {
    SubmittedComment c = rejectedBy(ANA, "Stated reasons, in English.");
    var guideline = guidelines.describe(GuidelineCode.OFF_TOPIC, Locale.ENGLISH);

    String shown = page(c.statusPath());

    assertThat(shown)
        .contains("A moderator decided on")
        .contains(guideline.title())
        .contains(guideline.text())
        .contains("(OFF_TOPIC)")
        .contains("Please stay on the article's subject.")
        .contains("you can appeal against it once")
        .doesNotContain(ANA);
  }

  @Test
  void theStatementOfReasonsIsInTheArticlesLanguageRightToLeftIncluded() {
    Article sorani = articles.publish(ArticleFixtures.sorani("بودجەی شارەوانی"));
    SubmittedComment c = comment(sorani, "ئەمە بابەتەکە نییە.");
    moderation.decide(
        new Decide(
            c.id(), DecisionAction.REJECT, Set.of(GuidelineCode.PROMOTION), null, ANA, false));
    var guideline = guidelines.describe(GuidelineCode.PROMOTION, Locale.forLanguageTag("ckb"));

    String shown = page(c.statusPath());

    assertThat(shown)
        .contains("dir=\"rtl\"")
        .contains("چاودێرێک لە")
        .contains(guideline.text())
        .contains("داوای پێداچوونەوە")
        .contains("تانەکە بنێرە");

    appeals.file(c.token(), "ئەمە ڕیکلام نییە.");
    assertThat(page(c.statusPath())).contains("تانەکەت").contains("ئەمە ڕیکلام نییە.");
  }

  @Test
  void theStatusPagesFormFilesTheAppealWithItsCsrfTokenAndRefusesASecondInTheReadersLanguage() {
    Article sorani = articles.publish(ArticleFixtures.sorani("کتێبخانەکان"));
    SubmittedComment c = comment(sorani, "بۆچوونێکی ڕەتکراوە.");
    moderation.decide(
        new Decide(
            c.id(), DecisionAction.REJECT, Set.of(GuidelineCode.OFF_TOPIC), null, ANA, false));
    String action = c.statusPath() + "/appeal";

    HttpResponse<String> forged =
        web.post(action, "application/x-www-form-urlencoded", "text=forged");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(appealCount(c.id())).isZero();

    HttpResponse<String> empty = web.submitForm(c.statusPath(), action, Map.of("text", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(empty.body())).contains("تکایە ڕوونی بکەرەوە");

    HttpResponse<String> filed =
        web.submitForm(c.statusPath(), action, Map.of("text", "تکایە دووبارە بیخوێنەوە."));
    assertThat(filed.statusCode()).isEqualTo(302);
    assertThat(page(c.statusPath())).contains("تکایە دووبارە بیخوێنەوە.");

    String token = web.csrfToken(article.path());
    HttpResponse<String> second = web.postForm(action, Map.of("text", "Again", "_csrf", token));
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(HtmlUtils.htmlUnescape(second.body())).contains("پێشتر تانەی لێ دراوە");
    assertThat(appealCount(c.id())).isEqualTo(1);
  }

  @Test
  void theStatusJsonCarriesTheStatementAndTheAppeal() {
    SubmittedComment c = rejectedBy(ANA, "Stated in JSON.");

    String before = web.getJson("/api/comments/" + c.token()).body();
    assertThat(before)
        .contains("\"automatic\":false")
        .contains("\"appealable\":true")
        .contains(guidelines.describe(GuidelineCode.OFF_TOPIC, Locale.ENGLISH).title());

    Appeal appeal = appeals.file(c.token(), "Please look again.");
    appealDecisions.decide(new DecideAppeal(appeal.id(), AppealOutcome.UPHELD, BEN));
    String after = web.getJson("/api/comments/" + c.token()).body();
    assertThat(after).contains("\"appealable\":false").contains("\"outcome\":\"UPHELD\"");
    assertThat(after).doesNotContain(BEN);
  }
}
