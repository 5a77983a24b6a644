package org.diwan.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.diwan.DiwanApplication;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.webhook.WebhookEvent;
import org.diwan.webhook.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A delivery written before a stop is sent by the next start: the site is started on a SQLite file,
 * an event queues a delivery, the site stops before sending it, and a second start on the same file
 * delivers it, signed with the secret issued before.
 */
class WebhookRestartTest {

  static final TestReceiver RECEIVER = new TestReceiver();

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop();
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(DiwanApplication.class)
        .properties(
            "server.port=0",
            "diwan.data-dir=" + dataDir,
            "diwan.db.url=",
            "diwan.demo=false",
            "diwan.second-stage.threads=0",
            "diwan.limits.comments-per-ip-per-minute=0",
            "diwan.limits.comments-per-email-per-minute=0",
            // The sender looks once at start, then idles: this test decides when it sends.
            "diwan.webhooks.poll=PT1H",
            "diwan.webhooks.private-addresses=true")
        .run();
  }

  @Test
  void aDeliveryQueuedBeforeAStopIsSentAfterTheNextStart() throws IOException {
    Path dataDir = Files.createTempDirectory("diwan-webhook-restart-");
    try (ConfigurableApplicationContext first = start(dataDir)) {
      var registered =
          first
              .getBean(Webhooks.class)
              .register(
                  RECEIVER.url("/ok/restart"), "", Set.of(WebhookEvent.SUBMITTED), "admin@x.test");
      RECEIVER.expect("/ok/restart", registered.secret(), java.time.Clock.systemUTC());
      var article = first.getBean(Articles.class).publish(ArticleFixtures.english("Restarted"));
      first.getBean(CommentSubmission.class).submit(CommentFixtures.valid(article.slug()));
    }
    assertThat(RECEIVER.at("/ok/restart")).as("not sent before the stop").isEmpty();

    try (ConfigurableApplicationContext second = start(dataDir)) {
      // The sender's first look at start may have taken it already; this round sends what is left.
      second.getBean(WebhookSender.class).sendDue();
      String status = "PENDING";
      for (int i = 0; i < 300 && status.equals("PENDING"); i++) {
        sleep();
        status =
            second
                .getBean(JdbcClient.class)
                .sql("SELECT status FROM webhook_delivery")
                .query(String.class)
                .single();
      }
      assertThat(status).isEqualTo("DELIVERED");
    }
    assertThat(RECEIVER.at("/ok/restart")).hasSize(1).allMatch(TestReceiver.Received::verified);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
