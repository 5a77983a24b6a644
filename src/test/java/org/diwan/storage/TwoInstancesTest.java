package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.article.Photo;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.PersonalData;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.Suspensions;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.support.OnPostgres;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the site on one PostgreSQL database: this test's application (A) makes the
 * changes, a second application started beside it (B) serves readers from its caches, and must
 * never go on serving what A changed.
 */
@OnPostgres
class TwoInstancesTest {

  /** How long a change may take to reach the other instance. */
  private static final Duration WITHIN = Duration.ofSeconds(1);

  private static ConfigurableApplicationContext other;

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired Moderation moderation;
  @Autowired PersonalData personalData;
  @Autowired Suspensions suspensions;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private WebClient b;
  private Article article;

  @BeforeAll
  static void noneYet() {
    other = null;
  }

  @BeforeEach
  void startTheOtherInstance(@Autowired Environment environment) throws Exception {
    if (other == null) {
      other =
          new SpringApplicationBuilder(DiwanApplication.class)
              .properties(
                  "server.port=0",
                  "diwan.demo=false",
                  "diwan.limits.comments-per-ip-per-minute=0",
                  "diwan.limits.comments-per-email-per-minute=0",
                  "diwan.limits.login-failures=0",
                  "diwan.db.url=" + environment.getProperty("diwan.db.url"),
                  "diwan.db.user=" + environment.getProperty("diwan.db.user"),
                  "diwan.db.password=",
                  "diwan.data-dir=" + Files.createTempDirectory("diwan-b-"))
              // application.properties names every instance "diwan"; arguments come first
              .run("--spring.application.name=diwan-b");
    }
    b = new WebClient(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")));
    article = articles.publish(ArticleFixtures.english("Ferry service resumes on the lake"));
  }

  @AfterAll
  static void stopTheOtherInstance() {
    if (other != null) {
      other.close();
    }
  }

  private SubmittedComment comment(String name) {
    SubmitComment valid = CommentFixtures.valid(article.slug());
    return submission.submit(
        new SubmitComment(valid.articleSlug(), name, valid.email(), valid.text()));
  }

  private void approve(long id) {
    moderation.decide(new Decide(id, DecisionAction.APPROVE, Set.of(), null, "mod@a", false));
  }

  private String page() {
    return b.get("/articles/" + article.slug()).body();
  }

  private String comments() {
    return b.getJson("/api/articles/" + article.slug() + "/comments").body();
  }

  /** Polls {@code read} until {@code seen} holds, for at most {@link #WITHIN}; true if it did. */
  private static boolean within(java.util.function.Supplier<String> read, Predicate<String> seen) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    do {
      if (seen.test(read.get())) {
        return true;
      }
    } while (System.nanoTime() < deadline);
    return false;
  }

  @Test
  void aDecisionOnOneInstanceShowsOnTheOthersCachedPagesWithinASecond() {
    approve(comment("Rezan Kamal").id());
    assertThat(within(this::page, p -> p.contains("Rezan Kamal"))).isTrue();
    assertThat(comments()).contains("Rezan Kamal");
    // B now keeps both answers; a second approval made on A must replace them.
    SubmittedComment second = comment("Dilan Aziz");
    assertThat(page()).doesNotContain("Dilan Aziz");
    assertThat(comments()).doesNotContain("Dilan Aziz");

    approve(second.id());

    assertThat(within(this::page, p -> p.contains("Dilan Aziz"))).isTrue();
    assertThat(within(this::comments, c -> c.contains("Dilan Aziz"))).isTrue();
  }

  @Test
  void anEditAndAnErasureOnOneInstanceShowOnTheOthersWithinASecond() {
    SubmittedComment c = comment("Hawre Salih");
    approve(c.id());
    assertThat(within(this::page, p -> p.contains("Hawre Salih"))).isTrue();
    assertThat(within(this::comments, p -> p.contains("Hawre Salih"))).isTrue();

    articles.revise(
        article.slug(),
        new ArticleEdit(
            "Ferry service resumes after the storm",
            "Diwan",
            "Duhok",
            "The ferry runs again from Monday.",
            List.of(),
            "en"),
        "editor@a");
    assertThat(within(this::page, p -> p.contains("Ferry service resumes after the storm")))
        .isTrue();

    String email =
        jdbc.sql("SELECT author_email FROM comment WHERE id = ?")
            .param(c.id())
            .query(String.class)
            .single();
    personalData.erase(email, "admin@a");

    assertThat(within(this::page, p -> !p.contains("Hawre Salih"))).isTrue();
    assertThat(within(this::comments, p -> !p.contains("Hawre Salih"))).isTrue();
  }

  @Test
  void aSuspensionMadeOrLiftedOnOneInstanceHoldsOnTheOtherAtOnce() {
    String email = CommentFixtures.email();
    java.util.concurrent.atomic.AtomicInteger sent =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<String> postOnB =
        () ->
            ""
                + b.postJson(
                        "/api/articles/" + article.slug() + "/comments",
                        "{\"name\":\"Aram\",\"email\":\""
                            + email
                            + "\",\"text\":\"On the ferry timetable, point "
                            + sent.incrementAndGet()
                            + ".\"}")
                    .statusCode();
    // B has read who is suspended (nobody with this address) before A suspends it.
    assertThat(postOnB.get()).isEqualTo("202");

    suspensions.suspend(email, Duration.ofDays(7), "Abuse all day", "mod@a");
    assertThat(within(postOnB, s -> s.equals("403")))
        .as("B refuses the suspended address")
        .isTrue();

    suspensions.lift(email, "mod@a");
    assertThat(within(postOnB, s -> s.startsWith("2")))
        .as("B accepts it again once lifted")
        .isTrue();
  }

  @Test
  void aPhotoUploadedThroughOneInstanceIsServedByTheOther() {
    byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    Photo photo = articles.addPhoto(article.slug(), webp, "The ferry at dawn", "Diwan", "editor@a");

    var served = b.get(photo.url());

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).contains("image/webp");
    assertThat(served.headers().firstValueAsLong("Content-Length")).hasValue(webp.length);
  }

  @Test
  void whenTheOtherInstanceLosesItsChannelItServesNothingStaleAndResyncs() {
    ChangeFeed feed = other.getBean(ChangeFeed.class);
    page(); // cached on B
    long before = feed.everything();

    jdbc.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'diwan-b changes'")
        .query()
        .listOfRows();
    // Changes made while B may be deaf: B must not answer from what it kept before.
    SubmittedComment c = comment("Sozan Faraj");
    approve(c.id());
    assertThat(within(this::page, p -> p.contains("Sozan Faraj"))).isTrue();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!(feed.synced() && feed.everything() > before) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(feed.synced()).as("B listens again").isTrue();
    assertThat(feed.everything()).as("and trusts nothing kept before").isGreaterThan(before);
  }

  @Test
  void afterAStormOfTenThousandChangesTheOtherInstanceKeepsUp() {
    page(); // cached on B
    jdbc.sql(
            "SELECT COUNT(pg_notify('diwan_changes', 'elsewhere article:' || (g % 500 + 100000)))"
                + " FROM generate_series(1, 10000) g")
        .query(Long.class)
        .single();

    approve(comment("Shno Rasul").id());

    assertThat(within(this::page, p -> p.contains("Shno Rasul"))).isTrue();
  }

  @Test
  void aStorageChangeNoOneAnnouncedIsNotSeenSoCachesAreReallyUsed() {
    SubmittedComment c = comment("Nasrin Omer");
    approve(c.id());
    assertThat(within(this::page, p -> p.contains("Nasrin Omer"))).isTrue();
    // A write behind the site's back (no announcement) is not noticed: B answers from memory.
    jdbc.sql("UPDATE article SET headline = 'Changed quietly' WHERE id = ?")
        .param(article.id())
        .update();
    assertThat(page()).contains("Ferry service resumes").doesNotContain("Changed quietly");
  }
}
