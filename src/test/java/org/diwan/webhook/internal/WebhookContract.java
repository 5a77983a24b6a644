package org.diwan.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.audit.AuditTrail;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmittedComment;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.AppealDecisions;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecideAppeal;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.moderation.Reports;
import org.diwan.support.HandClock;
import org.diwan.webhook.InvalidWebhook;
import org.diwan.webhook.WebhookDelivery;
import org.diwan.webhook.WebhookEvent;
import org.diwan.webhook.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries to a real HTTP receiver, run against each database the site supports. */
@Import(HandClock.Config.class)
abstract class WebhookContract {

  static final TestReceiver RECEIVER = new TestReceiver();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Webhooks webhooks;
  @Autowired WebhookSender sender;
  @Autowired DeliveryRepository deliveries;
  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired Moderation moderation;
  @Autowired Reports reports;
  @Autowired CommentAppeals appeals;
  @Autowired AppealDecisions appealDecisions;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired HandClock clock;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  /** The receiver is on loopback; attempts are cut off after 2 s; the sender thread idles. */
  static void register(DynamicPropertyRegistry properties) {
    properties.add("diwan.webhooks.private-addresses", () -> "true");
    properties.add("diwan.webhooks.timeout", () -> "PT2S");
    properties.add("diwan.webhooks.poll", () -> "PT1H");
    properties.add("diwan.webhooks.threads", () -> "4");
    properties.add("diwan.base-url", () -> "http://news.diwan.test");
  }

  @AfterEach
  void letHangingRequestsGo() {
    RECEIVER.release();
    // Each test's endpoints go, so the next test's deliveries are its own.
    webhooks.all().forEach(e -> webhooks.delete(e.id(), "admin@x.test"));
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.release();
  }

  private long endpoint(String path, WebhookEvent... wanted) {
    var registered =
        webhooks.register(
            RECEIVER.url(path), "test " + path, EnumSet.copyOf(List.of(wanted)), "admin@x.test");
    RECEIVER.expect(path, registered.secret(), clock);
    return registered.endpoint().id();
  }

  private SubmittedComment comment(String headline) {
    Article article = articles.publish(ArticleFixtures.english(headline));
    return submission.submit(CommentFixtures.valid(article.slug()));
  }

  private void decide(long id, DecisionAction action) {
    moderation.decide(
        new Decide(
            id,
            action,
            action == DecisionAction.APPROVE ? Set.of() : Set.of(GuidelineCode.PERSONAL_ATTACK),
            null,
            "m@x.test",
            false));
  }

  private Map<String, Object> row(long endpointId) {
    return jdbc.sql(
            "SELECT status, attempts, next_attempt_at, last_status, last_error, message_id"
                + " FROM webhook_delivery WHERE endpoint_id = ?")
        .param(endpointId)
        .query()
        .singleRow();
  }

  @Test
  void eachEndpointGetsTheEventsItAskedForSignedAsStandardWebhooksDescribes() {
    endpoint("/ok/decided", WebhookEvent.SUBMITTED, WebhookEvent.DECIDED);
    endpoint("/ok/reported", WebhookEvent.REPORTED);
    SubmittedComment c = comment("Water prices rise");

    decide(c.id(), DecisionAction.REJECT);
    assertThat(sender.sendDue().delivered()).isEqualTo(2);

    List<TestReceiver.Received> got = RECEIVER.at("/ok/decided");
    assertThat(got).hasSize(2).allMatch(TestReceiver.Received::verified);
    assertThat(got).extracting(TestReceiver.Received::id).doesNotHaveDuplicates();
    JsonNode decided =
        got.stream()
            .map(r -> JSON.readTree(r.body()))
            .filter(b -> b.path("type").asString().equals("comment.decided"))
            .findFirst()
            .orElseThrow();
    assertThat(decided.path("timestamp").asString()).isEqualTo(clock.instant().toString());
    JsonNode data = decided.path("data");
    assertThat(data.path("action").asString()).isEqualTo("reject");
    assertThat(data.path("codes").get(0).asString()).isEqualTo("PERSONAL_ATTACK");
    JsonNode comment = data.path("comment");
    assertThat(comment.path("id").asLong()).isEqualTo(c.id());
    assertThat(comment.path("status").asString()).isEqualTo("rejected");
    assertThat(comment.path("author_name").asString()).isNotBlank();
    assertThat(comment.path("text").asString()).isNotBlank();
    assertThat(comment.path("article").path("url").asString())
        .startsWith("http://news.diwan.test/articles/");
    assertThat(got).allSatisfy(r -> assertThat(r.body()).doesNotContain("@example.org"));
    assertThat(RECEIVER.at("/ok/reported")).isEmpty();
    assertThat(sender.sendDue().delivered()).as("nothing sent twice").isZero();
  }

  @Test
  void reportsTakeDownsAndAppealsAreSentToWhoAskedForThem() {
    endpoint("/ok/all", WebhookEvent.REMOVED, WebhookEvent.REPORTED, WebhookEvent.APPEALED);
    SubmittedComment c = comment("Council meets");
    decide(c.id(), DecisionAction.APPROVE);
    String slug =
        jdbc.sql(
                "SELECT a.slug FROM article a JOIN comment c ON c.article_id = a.id WHERE c.id = ?")
            .param(c.id())
            .query(String.class)
            .single();
    reports.file(slug, c.id(), "PERSONAL_ATTACK", null, "203.0.113.9");
    decide(c.id(), DecisionAction.REMOVE);
    long appeal = appeals.file(c.token(), "I quoted the council, nothing more.").id();
    appealDecisions.decide(new DecideAppeal(appeal, AppealOutcome.UPHELD, "other@x.test"));

    int delivered = 0;
    for (int round = sender.sendDue().delivered();
        round > 0;
        round = sender.sendDue().delivered()) {
      delivered += round;
    }
    assertThat(delivered).isEqualTo(4);

    assertThat(RECEIVER.at("/ok/all"))
        .allMatch(TestReceiver.Received::verified)
        .extracting(r -> JSON.readTree(r.body()).path("type").asString())
        .containsExactlyInAnyOrder(
            "comment.reported",
            "comment.removed",
            "comment.appeal_filed",
            "comment.appeal_decided");
  }

  @Test
  void anEndpointAnswering500IsTriedAgainAfterABackoffWithTheSameIdUntilItAnswers200() {
    long flaky = endpoint("/flaky/one", WebhookEvent.SUBMITTED);
    comment("Flaky receiver");
    double retriedBefore = deliveries("retried");
    double deliveredBefore = deliveries("delivered");

    assertThat(sender.sendDue().failedAttempts()).isEqualTo(1);
    Map<String, Object> row = row(flaky);
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
    assertThat(((Number) row.get("last_status")).intValue()).isEqualTo(500);
    assertThat(((Number) row.get("next_attempt_at")).longValue())
        .isEqualTo(clock.instant().plus(Duration.ofSeconds(30)).toEpochMilli());

    assertThat(sender.sendDue().delivered()).as("not due yet").isZero();
    clock.advance(Duration.ofSeconds(30));
    assertThat(sender.sendDue().delivered()).isEqualTo(1);

    assertThat(RECEIVER.at("/flaky/one"))
        .hasSize(2)
        .allMatch(TestReceiver.Received::verified)
        .extracting(TestReceiver.Received::id)
        .containsOnly((String) row.get("message_id"));
    assertThat(row(flaky).get("status")).isEqualTo("DELIVERED");
    assertThat(deliveries("retried") - retriedBefore).as("counted for the metrics").isEqualTo(1);
    assertThat(deliveries("delivered") - deliveredBefore).isEqualTo(1);
  }

  private double deliveries(String outcome) {
    var counter =
        meters
            .find(org.diwan.site.Meters.WEBHOOK_DELIVERIES)
            .tag(org.diwan.site.Meters.OUTCOME, outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void anEndpointThatHangsTimesOutWithoutHoldingUpTheOthers() {
    long hanging = endpoint("/hang/one", WebhookEvent.SUBMITTED);
    for (int i = 0; i < 3; i++) {
      comment("Hanging receiver " + i);
    }
    endpoint("/ok/beside", WebhookEvent.SUBMITTED);
    comment("Waiting behind four to the hanging receiver");

    // Four threads, and four deliveries to the hanging endpoint due first: it gets two threads.
    WebhookSender.Round round = sender.sendDue();

    assertThat(round.failedAttempts()).isEqualTo(2);
    assertThat(round.delivered()).isEqualTo(1);
    assertThat(RECEIVER.at("/ok/beside")).hasSize(1).allMatch(TestReceiver.Received::verified);
    List<Map<String, Object>> stuck =
        jdbc.sql(
                "SELECT status, attempts, last_status, last_error FROM webhook_delivery"
                    + " WHERE endpoint_id = ? ORDER BY id")
            .param(hanging)
            .query()
            .listOfRows();
    assertThat(stuck).hasSize(4).allMatch(r -> r.get("status").equals("PENDING"));
    assertThat(stuck.subList(0, 2))
        .allSatisfy(
            r -> {
              assertThat((String) r.get("last_error")).contains("no answer");
              assertThat(r.get("last_status")).isNull();
            });
    assertThat(stuck.subList(2, 4))
        .as("left for later")
        .allMatch(r -> ((Number) r.get("attempts")).intValue() == 0);
  }

  @Test
  void aDeliveryStillFailingAfterADayIsMarkedFailed() {
    long refused = endpoint("/ok/refusing", WebhookEvent.SUBMITTED);
    jdbc.sql("UPDATE webhook_endpoint SET url = ? WHERE id = ?")
        .params("http://127.0.0.1:9/closed", refused)
        .update();
    comment("Nobody listening");

    assertThat(sender.sendDue().failedAttempts()).isEqualTo(1);
    assertThat(row(refused).get("status")).isEqualTo("PENDING");
    clock.advance(Duration.ofDays(1));
    assertThat(sender.sendDue().failedAttempts()).isEqualTo(1);

    Map<String, Object> row = row(refused);
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
    assertThat((String) row.get("last_error")).isEqualTo("could not connect");
  }

  @Test
  void anAttemptCutOffByAStopIsMadeAgainOnceItsLeaseEnds() {
    long id = endpoint("/ok/lease", WebhookEvent.SUBMITTED);
    comment("Stopped mid-send");
    // What an instance that stops between claiming and sending leaves: a claimed row, no outcome.
    var due = deliveries.due(clock.instant(), 10);
    assertThat(due).hasSize(1);
    assertThat(deliveries.claim(due.get(0), clock.instant().plus(Duration.ofMinutes(10))))
        .isPresent();
    assertThat(deliveries.claim(due.get(0), clock.instant().plus(Duration.ofMinutes(10))))
        .as("claimed once only")
        .isEmpty();

    assertThat(sender.sendDue().delivered()).isZero();
    clock.advance(Duration.ofMinutes(10));
    assertThat(sender.sendDue().delivered()).isEqualTo(1);
    assertThat(RECEIVER.at("/ok/lease")).hasSize(1).allMatch(TestReceiver.Received::verified);
    assertThat(((Number) row(id).get("attempts")).intValue()).isEqualTo(2);
  }

  @Test
  void redeliverSendsTheSameDeliveryAgainAndIsAudited() {
    long id = endpoint("/ok/again", WebhookEvent.SUBMITTED);
    comment("Send it again");
    assertThat(sender.sendDue().delivered()).isEqualTo(1);
    WebhookDelivery sent = webhooks.deliveries(id).get(0);
    assertThat(sent.status()).isEqualTo("DELIVERED");
    assertThat(sent.lastStatus()).isEqualTo(200);

    webhooks.redeliver(id, sent.id(), "admin@x.test");
    assertThat(sender.sendDue().delivered()).isEqualTo(1);

    assertThat(RECEIVER.at("/ok/again"))
        .hasSize(2)
        .allMatch(TestReceiver.Received::verified)
        .extracting(TestReceiver.Received::id)
        .containsOnly(sent.messageId());
    assertThat(audit.find("admin@x.test", "webhook.", Long.MAX_VALUE))
        .extracting(e -> e.action())
        .contains("webhook.created", "webhook.redelivered");
    assertThatThrownBy(() -> webhooks.redeliver(id, 999_999, "admin@x.test"))
        .isInstanceOf(InvalidWebhook.class);
  }

  @Test
  void aRotatedSecretSignsFromThenOnAndADisabledEndpointWaits() {
    long id = endpoint("/ok/rotated", WebhookEvent.SUBMITTED);
    comment("Rotated");
    webhooks.setEnabled(id, false, "admin@x.test");
    comment("Not queued while disabled");
    assertThat(sender.sendDue().delivered()).as("disabled: kept waiting").isZero();

    String fresh = webhooks.rotateSecret(id, "admin@x.test");
    RECEIVER.expect("/ok/rotated", fresh, clock);
    webhooks.setEnabled(id, true, "admin@x.test");
    assertThat(sender.sendDue().delivered()).isEqualTo(1);

    assertThat(fresh).startsWith("whsec_");
    assertThat(RECEIVER.at("/ok/rotated")).hasSize(1).allMatch(TestReceiver.Received::verified);
    assertThat(audit.find("admin@x.test", "webhook.", Long.MAX_VALUE))
        .extracting(e -> e.action())
        .contains("webhook.disabled", "webhook.secret-rotated", "webhook.enabled");
  }

  @Test
  void anEndpointThatIsNotHttpIsRefusedAndNothingIsStored() {
    for (String url :
        List.of(
            "ftp://hooks.example.org/in",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://user:secret@hooks.example.org/",
            "hooks.example.org/in",
            "")) {
      assertThatThrownBy(
              () -> webhooks.register(url, "", Set.of(WebhookEvent.DECIDED), "admin@x.test"))
          .as(url)
          .isInstanceOf(InvalidWebhook.class);
    }
    assertThatThrownBy(
            () -> webhooks.register("https://hooks.example.org/in", "", Set.of(), "admin@x.test"))
        .isInstanceOf(InvalidWebhook.class);
    assertThat(webhooks.all()).isEmpty();
  }
}
