package org.diwan.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.guideline.GuidelineCode;
import org.diwan.guideline.Guidelines;
import org.diwan.moderation.AppealDecisions;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecideAppeal;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.site.Meters;
import org.diwan.site.Texts;
import org.diwan.support.HandClock;
import org.diwan.support.TestMail;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E-mail notices through a real SMTP server, run against each database the site supports. */
@Import(HandClock.Config.class)
abstract class NoticeContract {

  static final TestMail MAIL = new TestMail();

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired Moderation moderation;
  @Autowired NoticeSender sender;
  @Autowired CommentAppeals appeals;
  @Autowired AppealDecisions appealDecisions;
  @Autowired NoticeRepository notices;
  @Autowired Guidelines guidelines;
  @Autowired JdbcClient jdbc;
  @Autowired HandClock clock;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @BeforeEach
  void emptyMailbox() throws Exception {
    MAIL.server().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void serverBackUp() {
    if (!MAIL.server().isRunning()) {
      MAIL.start();
    }
  }

  private SubmittedComment asking(Article article) {
    SubmitComment c = CommentFixtures.valid(article.slug());
    return submission.submit(
        new SubmitComment(c.articleSlug(), c.name(), c.email(), c.text(), true));
  }

  private void reject(long id) {
    moderation.decide(
        new Decide(
            id,
            DecisionAction.REJECT,
            Set.of(GuidelineCode.PERSONAL_ATTACK),
            null,
            "m@x.test",
            false));
  }

  @Test
  void anUpheldAppealIsSentAsItsOwnNoticeAndAReversalAsThePublishedComment() throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Bridge repairs run late"));
    SubmittedComment upheld = asking(article);
    SubmittedComment reversed = asking(article);
    reject(upheld.id());
    reject(reversed.id());
    assertThat(sender.sendDue()).isEqualTo(2);
    for (SubmittedComment c : List.of(upheld, reversed)) {
      long appeal =
          appeals.file(c.token(), "I was quoting the article, not attacking anyone.").id();
      appealDecisions.decide(
          new DecideAppeal(
              appeal, c == upheld ? AppealOutcome.UPHELD : AppealOutcome.REVERSED, "other@x.test"));
    }

    assertThat(sender.sendDue()).isEqualTo(2);

    Texts en = Texts.of("en");
    List<String> subjects = new java.util.ArrayList<>();
    for (MimeMessage m : MAIL.server().getReceivedMessages()) {
      subjects.add(m.getSubject());
    }
    assertThat(subjects)
        .hasSize(4)
        .contains(en.get("notice.appealDecision.subject", article.headline()))
        .filteredOn(en.get("notice.decision.subject", article.headline())::equals)
        .hasSize(3);
  }

  @Test
  void decisionSendsOneMessageInTheArticlesLanguageWhoseLinkOpensTheStatusPage() throws Exception {
    Article article = articles.publish(ArticleFixtures.sorani("بودجەی شارەوانی"));
    SubmittedComment c = asking(article);

    reject(c.id());
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();

    MimeMessage[] received = MAIL.server().getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    Texts ckb = Texts.of("ckb");
    assertThat(message.getSubject())
        .isEqualTo(ckb.get("notice.decision.subject", article.headline()));
    assertThat(message.getAllRecipients()[0].toString()).endsWith("@example.org");
    String body = ((String) message.getContent()).replace("\r\n", "\n");
    assertThat(body)
        .contains(ckb.get("notice.decision.rejected", article.headline()))
        .contains(
            guidelines
                .describe(GuidelineCode.PERSONAL_ATTACK, Locale.forLanguageTag("ckb"))
                .title())
        .doesNotContain("Shirin");
    Matcher link = Pattern.compile("http://news\\.diwan\\.test(/comments/\\S+)").matcher(body);
    assertThat(link.find()).isTrue();
    var page = new WebClient(port).get(link.group(1));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(ckb.get("status.rejected.title"));
    assertThat(
            jdbc.sql("SELECT status FROM notice WHERE comment_id = ?")
                .param(c.id())
                .query(String.class)
                .single())
        .isEqualTo("SENT");
  }

  @Test
  void theFormOffersTheEmailBoxWhenMailIsConfigured() {
    Article article = articles.publish(ArticleFixtures.english("Offered"));
    assertThat(new WebClient(port).get(article.path()).body())
        .contains("name=\"emailMe\"")
        .contains(Texts.of("en").get("form.emailMe"));
  }

  @Test
  void noMessageForACommenterWhoDidNotAsk() {
    Article article = articles.publish(ArticleFixtures.english("Bridge reopens"));
    SubmittedComment c = submission.submit(CommentFixtures.valid(article.slug()));

    reject(c.id());

    assertThat(sender.sendDue()).isZero();
    assertThat(MAIL.server().getReceivedMessages()).isEmpty();
  }

  @Test
  void smtpDownDelaysTheNoticeWithoutFailingSubmissionOrDecisionAndSendsItWhenBack() {
    Article article = articles.publish(ArticleFixtures.english("Power cuts in the north"));
    MAIL.stop();

    SubmittedComment c = asking(article);
    reject(c.id());
    assertThat(sender.sendDue()).isZero();

    Map<String, Object> row =
        jdbc.sql(
                "SELECT status, attempts, next_attempt_at, last_error FROM notice"
                    + " WHERE comment_id = ?")
            .param(c.id())
            .query()
            .singleRow();
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
    assertThat(((Number) row.get("next_attempt_at")).longValue())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)).toEpochMilli());
    assertThat(row.get("last_error")).isNotNull();

    MAIL.start();
    assertThat(sender.sendDue()).as("not due yet").isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(MAIL.server().getReceivedMessages()).hasSize(1);
    assertThat(notices.counts().sent()).isPositive();
  }

  @Test
  void aDueNoticeIsClaimedByOneSenderOnly() {
    Article article = articles.publish(ArticleFixtures.english("Two senders"));
    MAIL.stop();
    reject(asking(article).id());

    var due = notices.due(clock.instant(), 100);
    assertThat(due).isNotEmpty();
    var first = due.get(due.size() - 1);
    assertThat(notices.claim(first, clock.instant().plus(Duration.ofMinutes(10)))).isPresent();
    assertThat(notices.claim(first, clock.instant().plus(Duration.ofMinutes(10)))).isEmpty();
  }

  @Test
  void backoffDoublesFromAMinuteUpToADay() {
    assertThat(NoticeSender.delay(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(NoticeSender.delay(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(NoticeSender.delay(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(NoticeSender.delay(11)).isEqualTo(Duration.ofMinutes(1024));
    assertThat(NoticeSender.delay(12)).isEqualTo(Duration.ofDays(1));
    assertThat(NoticeSender.delay(40)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void eachDeliveryIsCountedForTheMetricsAsSentRetriedOrFailed() {
    // Only this test's notices are due: the others' are out of the way.
    jdbc.sql("UPDATE notice SET status = 'FAILED' WHERE status = 'PENDING'").update();
    Article article = articles.publish(ArticleFixtures.english("Ferry strike ends"));
    double sent = deliveries("sent");
    double retried = deliveries("retried");
    double failed = deliveries("failed");

    MAIL.stop();
    SubmittedComment later = asking(article);
    reject(later.id());
    SubmittedComment never = asking(article);
    reject(never.id());
    jdbc.sql("UPDATE notice SET attempts = ? WHERE comment_id = ?")
        .param(NoticeSender.MAX_ATTEMPTS - 1)
        .param(never.id())
        .update();
    assertThat(sender.sendDue()).isZero();
    assertThat(deliveries("retried")).isEqualTo(retried + 1);
    assertThat(deliveries("failed")).isEqualTo(failed + 1);

    MAIL.start();
    clock.advance(Duration.ofMinutes(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(deliveries("sent")).isEqualTo(sent + 1);
    assertThat(deliveries("retried")).isEqualTo(retried + 1);
  }

  private double deliveries(String outcome) {
    return meters.get(Meters.NOTICE_DELIVERIES).tag(Meters.OUTCOME, outcome).counter().count();
  }
}
