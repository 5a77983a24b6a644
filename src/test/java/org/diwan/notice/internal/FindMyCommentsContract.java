package org.diwan.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.PersonalData;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.notice.Notices;
import org.diwan.site.MailOffer;
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

/**
 * "Find my comments" through the page and a real SMTP server, run against each database the site
 * supports.
 */
@Import(HandClock.Config.class)
abstract class FindMyCommentsContract {

  static final TestMail MAIL = new TestMail();
  private static final Pattern LINK = Pattern.compile("http://news\\.diwan\\.test(/comments/\\S+)");

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired PersonalData personalData;
  @Autowired NoticeSender sender;
  @Autowired Notices notices;
  @Autowired JdbcClient jdbc;
  @Autowired HandClock clock;
  @LocalServerPort int port;

  @BeforeEach
  void freshMailboxAndLimits() throws Exception {
    MAIL.server().purgeEmailFromAllMailboxes();
    // Each test starts with no requests, past every limit's window.
    jdbc.sql("DELETE FROM notice WHERE kind = 'FIND_MY_COMMENTS'").update();
    clock.advance(Duration.ofDays(2));
  }

  @AfterEach
  void serverBackUp() {
    if (!MAIL.server().isRunning()) {
      MAIL.start();
    }
  }

  private SubmittedComment post(Article article, String email, String text) {
    return submission.submit(new SubmitComment(article.slug(), "Hana Karim", email, text));
  }

  private HttpResponse<String> ask(String edition, String email) {
    String path = MailOffer.findPath(edition);
    return new WebClient(port).submitForm(path, path, Map.of("email", email));
  }

  private String notice(String column, String condition) {
    return jdbc.sql(
            "SELECT " + column + " FROM notice WHERE kind = 'FIND_MY_COMMENTS' " + condition)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private long lookups() {
    return jdbc.sql("SELECT COUNT(*) FROM notice WHERE kind = 'FIND_MY_COMMENTS'")
        .query(Long.class)
        .single();
  }

  private static String body(MimeMessage message) throws Exception {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  private static List<String> links(String body) {
    List<String> paths = new ArrayList<>();
    Matcher link = LINK.matcher(body);
    while (link.find()) {
      paths.add(link.group(1));
    }
    return paths;
  }

  /** The page's answer without its CSRF token, which differs from one session to the next. */
  private static String answer(HttpResponse<String> page) {
    return page.body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
  }

  @Test
  void oneLetterInTheEditionsLanguageLinksEachCommentOfTheLast30DaysToItsStatusPage()
      throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Ferry timetable changes"));
    SubmittedComment old = post(article, "hana.find@example.org", "An old remark, months ago.");
    clock.advance(Duration.ofDays(31));
    SubmittedComment first = post(article, "Hana.Find@Example.org", "The early ferry matters.");
    SubmittedComment second = post(article, "hana.find@example.org", "Weekends need it too.");
    post(article, "someone.else@example.org", "Not Hana's comment at all.");

    HttpResponse<String> page = ask("ar", " HANA.find@example.org ");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(Texts.of("ar").get("find.sent"));
    assertThat(notice("recipient", "AND status = 'PENDING'")).isEqualTo("hana.find@example.org");

    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sender.sendDue()).isZero();
    MimeMessage[] received = MAIL.server().getReceivedMessages();
    assertThat(received).hasSize(1);
    Texts ar = Texts.of("ar");
    assertThat(received[0].getSubject()).isEqualTo(ar.get("notice.find.subject"));
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("hana.find@example.org");
    String body = body(received[0]);
    assertThat(body)
        .contains(ar.get("notice.find.intro"))
        .contains(article.headline())
        .contains(ar.get("status.pending.title"));

    List<String> paths = links(body);
    assertThat(paths).hasSize(2);
    WebClient web = new WebClient(port);
    // Newest first.
    assertThat(web.get(paths.get(0)).body()).contains("Weekends need it too.");
    assertThat(web.get(paths.get(1)).body()).contains("The early ferry matters.");
    assertThat(paths).doesNotContain(old.statusPath(), first.statusPath(), second.statusPath());
    assertThat(notice("status", "")).isEqualTo("SENT");
    assertThat(notice("recipient", "")).as("the address is not kept once sent").isNull();
  }

  @Test
  void anUnknownAddressGetsTheSamePageAndNothingIsSentOrKept() throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Same answer"));
    post(article, "known.find@example.org", "I did comment here.");

    HttpResponse<String> known = ask("en", "known.find@example.org");
    HttpResponse<String> unknown = ask("en", "nobody.find@example.org");

    assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
    assertThat(answer(unknown)).isEqualTo(answer(known));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(MAIL.server().getReceivedMessages()).hasSize(1);
    assertThat(MAIL.server().getReceivedMessages()[0].getAllRecipients()[0].toString())
        .isEqualTo("known.find@example.org");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM notice WHERE kind = 'FIND_MY_COMMENTS'"
                        + " AND status = 'NOTHING' AND recipient IS NULL")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anErasedCommenterGetsNothingEvenIfErasedAfterAsking() throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Erased"));
    post(article, "erase.find@example.org", "Please forget me later.");
    assertThat(ask("en", "erase.find@example.org").statusCode()).isEqualTo(200);

    personalData.erase("erase.find@example.org", "privacy@x.test");

    assertThat(sender.sendDue()).isZero();
    assertThat(MAIL.server().getReceivedMessages()).isEmpty();
    assertThat(notice("status", "")).isEqualTo("NOTHING");
    assertThat(notice("recipient", "")).isNull();
  }

  @Test
  void oneClientIsRefusedWith429AfterTenRequestsAnHour() {
    for (int i = 0; i < Notices.LOOKUPS_PER_CLIENT_HOUR; i++) {
      assertThat(ask("en", "flood" + i + "@example.org").statusCode()).isEqualTo(200);
    }
    long queued = lookups();

    HttpResponse<String> refused = ask("en", "flood-last@example.org");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains(Texts.of("en").get("find.tooMany"));
    assertThat(lookups()).isEqualTo(queued);
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(ask("en", "flood-last@example.org").statusCode()).isEqualTo(200);
  }

  @Test
  void manyClientsAskingForOneAddressAreRefusedAfterThreeADay() {
    for (int i = 0; i < Notices.LOOKUPS_PER_ADDRESS_DAY; i++) {
      assertThat(notices.findMyComments("target@example.org", "198.51.100." + i, "en")).isTrue();
    }
    assertThat(notices.findMyComments("Target@Example.org", "203.0.113.9", "en")).isFalse();
    assertThat(ask("en", "target@example.org").statusCode()).isEqualTo(429);
    assertThat(lookups()).isEqualTo(Notices.LOOKUPS_PER_ADDRESS_DAY);
  }

  @Test
  void whatTheLimitsCountByIsForgottenAfterADay() {
    Article article = articles.publish(ArticleFixtures.english("Forgotten"));
    post(article, "forget.find@example.org", "Count me once.");
    ask("en", "forget.find@example.org");
    ask("en", "nobody.forget@example.org");
    assertThat(sender.sendDue()).isEqualTo(1);

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    ask("en", "later.forget@example.org");

    assertThat(
            jdbc.sql(
                    "SELECT status, client_key, email_hash FROM notice"
                        + " WHERE kind = 'FIND_MY_COMMENTS' ORDER BY id")
                .query()
                .listOfRows())
        .satisfiesExactly(
            sent ->
                assertThat(sent)
                    .containsEntry("client_key", null)
                    .containsEntry("email_hash", null),
            pending -> assertThat(pending.get("client_key")).isNotNull());
  }

  @Test
  void aLineBreakInTheAddressIsRefusedWith400AndNothingIsQueued() {
    HttpResponse<String> refused = ask("en", "a@example.org\r\nBcc: victim@evil.test");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("find-email-error");
    assertThat(ask("en", "not an address").statusCode()).isEqualTo(400);
    assertThat(lookups()).isZero();
  }

  @Test
  void smtpDownKeepsTheRequestAndItsAddressUntilSentAndIssuesNoLinkMeanwhile() throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Retried"));
    SubmittedComment c = post(article, "retry.find@example.org", "Will the letter arrive?");
    MAIL.stop();
    ask("en", "retry.find@example.org");

    assertThat(sender.sendDue()).isZero();
    assertThat(notice("status", "")).isEqualTo("PENDING");
    assertThat(notice("recipient", "")).isEqualTo("retry.find@example.org");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM comment_status_key WHERE comment_id = ?")
                .param(c.id())
                .query(Long.class)
                .single())
        .as("the unsent link was withdrawn")
        .isZero();

    MAIL.start();
    clock.advance(NoticeSender.RETRIES.first());
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(links(body(MAIL.server().getReceivedMessages()[0]))).hasSize(1);
    assertThat(notice("recipient", "")).isNull();
  }

  @Test
  void theFormAndTheStatusPageLinkToThePageInTheirEdition() {
    Article article = articles.publish(ArticleFixtures.sorani("پردی نوێ"));
    SubmittedComment c = post(article, "links.find@example.org", "پردەکە پێویستە.");
    WebClient web = new WebClient(port);

    assertThat(web.get(article.path()).body()).contains("href=\"/ckb/my-comments\"");
    assertThat(web.get(c.statusPath()).body()).contains("href=\"/ckb/my-comments\"");
    HttpResponse<String> page = web.get("/ckb/my-comments");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("lang=\"ckb\"").contains(Texts.of("ckb").get("find.intro"));
  }
}
