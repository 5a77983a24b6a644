package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.Policies;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;
import org.diwan.screening.EncoderScreener;
import org.diwan.screening.encoder.SecondStageModel;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second screening stage running in the site, against each database: the worker reads stored
 * comments in the background, the queue shows the combined verdict, work left at a stop is found
 * again at start, each comment is claimed once, and the stage fails closed.
 */
abstract class SecondStageContract {

  static final String THREAT = "We know where you live. Watch your back.";

  /** The settings of one database that outlives the application contexts of a test. */
  abstract List<String> database();

  ConfigurableApplicationContext start(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--diwan.demo=false",
                "--diwan.limits.comments-per-ip-per-minute=0",
                "--diwan.limits.comments-per-email-per-minute=0",
                "--diwan.limits.login-failures=0",
                "--diwan.second-stage.poll=200ms"));
    args.addAll(database());
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(DiwanApplication.class).run(args.toArray(String[]::new));
  }

  private static Article article(ConfigurableApplicationContext app) {
    return app.getBean(Articles.class)
        .publish(ArticleFixtures.english("Council debates the library budget"));
  }

  private static SubmittedComment submit(
      ConfigurableApplicationContext app, String slug, String t) {
    return app.getBean(CommentSubmission.class).submit(CommentFixtures.withText(slug, t));
  }

  private static String state(ConfigurableApplicationContext app, long id) {
    return app.getBean(JdbcClient.class)
        .sql("SELECT second_stage FROM comment_screening WHERE comment_id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** Waits (up to a minute, for a loaded machine) for the background worker's result. */
  private static void await(BooleanSupplier done) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofMinutes(1));
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("the second stage did not finish in time").isBefore(until);
      Thread.sleep(50);
    }
  }

  private static void awaitBacklogEmpty(ConfigurableApplicationContext app)
      throws InterruptedException {
    CommentRepository repository = app.getBean(CommentRepository.class);
    await(() -> repository.secondStageBacklog() == 0);
  }

  /**
   * Waits until the policies have acted on everything read so far: the worker (one thread) tells
   * them after storing a batch and before claiming the next, so once a comment submitted now has
   * been read, every earlier one has been acted on.
   */
  private static void awaitThePolicies(ConfigurableApplicationContext app, String slug)
      throws InterruptedException {
    awaitBacklogEmpty(app);
    submit(app, slug, "One more question: when is the next council meeting?");
    awaitBacklogEmpty(app);
  }

  /**
   * With a THREAT rejection policy at 0.6 and approvals below 0.99, a clean comment and {@link
   * #THREAT} (which the first stage does not see), once the policies have acted on both.
   */
  private static SubmittedComment[] underBothPolicies(ConfigurableApplicationContext app)
      throws InterruptedException {
    app.getBean(Policies.class).replace(Map.of(GuidelineCode.THREAT, 0.6), 0.99, "test");
    String slug = article(app).slug();
    SubmittedComment clean =
        submit(app, slug, "Thanks for explaining how the library budget is split.");
    SubmittedComment threat = submit(app, slug, THREAT);
    awaitThePolicies(app, slug);
    return new SubmittedComment[] {clean, threat};
  }

  private static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Test
  void theModeratorSeesTheImplicitThreatAtTheTopFlaggedThreatOnceTheSecondStageRan()
      throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      String slug = article(app).slug();
      submit(app, slug, "Thanks for explaining how the library budget is split.");
      submit(app, slug, "I killed it at my exam in that library last year.");
      long threat = submit(app, slug, THREAT).id();
      submit(app, slug, "Will the council publish the full budget before the vote?");
      awaitBacklogEmpty(app);

      WebClient moderator =
          new WebClient(port(app))
              .logIn(
                  StaffFixtures.member(app.getBean(StaffAccounts.class), Role.MODERATOR),
                  StaffFixtures.PASSWORD);
      String page = moderator.get("/moderation?order=RISK").body();
      int firstCard = page.indexOf("<li class=\"card\"");
      int secondCard = page.indexOf("<li class=\"card\"", firstCard + 1);
      String top = page.substring(firstCard, secondCard);

      assertThat(top).contains("data-id=\"" + threat + "\"").contains(THREAT.split("\\.")[0]);
      assertThat(top).contains("THREAT").contains("both stages");
      assertThat(state(app, threat)).isEqualTo("SCORED");
    }
  }

  @Test
  void workLeftWhenTheSiteStoppedIsFoundAgainInTheDatabaseAtStart() throws Exception {
    long waiting;
    long claimed;
    long off;
    try (ConfigurableApplicationContext app = start("--diwan.second-stage.threads=0")) {
      String slug = article(app).slug();
      waiting = submit(app, slug, THREAT).id();
      claimed = submit(app, slug, "The library should open on Sundays too.").id();
      off = submit(app, slug, "A fair report on the budget.").id();
      // As a site stopped mid-work leaves them: one never reached, one claimed by a worker that
      // died (its claim long expired); the third was stored with the stage off.
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      jdbc.sql("UPDATE comment_screening SET second_stage = 'PENDING' WHERE comment_id = ?")
          .param(waiting)
          .update();
      jdbc.sql(
              "UPDATE comment_screening SET second_stage = 'WORKING', claimed_at = ?"
                  + " WHERE comment_id = ?")
          .params(Instant.now().minus(Duration.ofHours(1)).toEpochMilli(), claimed)
          .update();
      assertThat(state(app, off)).isEqualTo("OFF");
    }

    try (ConfigurableApplicationContext app = start()) {
      awaitBacklogEmpty(app);

      assertThat(state(app, waiting)).isEqualTo("SCORED");
      assertThat(state(app, claimed)).isEqualTo("SCORED");
      assertThat(state(app, off)).isEqualTo("OFF");
      ScreeningSummary threat =
          app.getBean(CommentRepository.class).screenedById(waiting).orElseThrow().screening();
      assertThat(threat.flagged()).contains(org.diwan.guideline.GuidelineCode.THREAT);
    }
  }

  @Test
  void workersRacingForTheBacklogClaimEachCommentOnce() throws Exception {
    try (ConfigurableApplicationContext app = start("--diwan.second-stage.threads=0")) {
      String slug = article(app).slug();
      for (int i = 0; i < 60; i++) {
        submit(app, slug, "Comment number " + i + " on the library budget.");
      }
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      jdbc.sql("UPDATE comment_screening SET second_stage = 'PENDING'").update();
      CommentRepository repository = app.getBean(CommentRepository.class);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
      try {
        List<Future<?>> racers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
          racers.add(
              pool.submit(
                  () -> {
                    while (true) {
                      long now = System.currentTimeMillis();
                      List<Long> got = repository.claimSecondStage(3, now, now - 120_000);
                      if (got.isEmpty()) {
                        return null;
                      }
                      claimed.addAll(got);
                    }
                  }));
        }
        for (Future<?> racer : racers) {
          racer.get();
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(claimed).hasSize(60);
      assertThat(new HashSet<>(claimed)).hasSize(60);
      assertThat(repository.secondStageBacklog()).isEqualTo(60);
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM comment_screening"
                          + " WHERE second_stage = 'WORKING' AND claimed_at IS NOT NULL")
                  .query(Long.class)
                  .single())
          .isEqualTo(60);
    }
  }

  @Test
  void aMissingModelLeavesTheSiteServingTheStageDegradedAndCommentsUnscoredNeverApproved()
      throws Exception {
    try (ConfigurableApplicationContext app =
        start("--diwan.second-stage.model=no-such-heads.bin")) {
      app.getBean(Policies.class).replace(Map.of(), 1.0, "test");
      String slug = article(app).slug();
      SubmittedComment clean = submit(app, slug, "A fair report on the budget.");
      await(() -> state(app, clean.id()).equals("UNSCORED"));

      assertThat(app.getBean(CommentStatuses.class).byToken(clean.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.PENDING);
      WebClient web = new WebClient(port(app));
      HttpResponse<String> health = web.getJson("/actuator/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("DEGRADED");
      assertThat(web.get("/articles/" + slug).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAutomaticApprovalWaitsForTheSecondStageAndNeverPassesItsThreat() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      app.getBean(Policies.class).replace(Map.of(), 0.99, "test");
      String slug = article(app).slug();
      SubmittedComment clean =
          submit(app, slug, "Thanks for explaining how the library budget is split.");
      // The first stage flags nothing here (risk 0.14): only the second stage sees the threat.
      SubmittedComment threat =
          submit(app, slug, "Councillors who vote for this budget should be beaten in the street.");
      awaitThePolicies(app, slug);

      CommentStatuses statuses = app.getBean(CommentStatuses.class);
      assertThat(statuses.byToken(clean.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.APPROVED);
      assertThat(statuses.byToken(threat.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.PENDING);
      assertThat(List.of(state(app, clean.id()), state(app, threat.id()))).containsOnly("SCORED");
    }
  }

  @Test
  void aRejectionPolicyActsOnTheCalibratedCombinedScoreOnceTheSecondStageRan() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      SubmittedComment[] cleanAndThreat = underBothPolicies(app);
      SubmittedComment clean = cleanAndThreat[0];
      SubmittedComment threat = cleanAndThreat[1];

      // The rejection comes from the combined score: the first stage does not see the threat.
      CommentStatuses statuses = app.getBean(CommentStatuses.class);
      assertThat(statuses.byToken(threat.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.REJECTED);
      assertThat(statuses.byToken(clean.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.APPROVED);
    }
  }

  @Test
  void combinedScoresThatAreNotCalibratedNeverDecideAutomatically() throws Exception {
    // Heads whose stacks were fitted against another first stage: their combined scores are not
    // calibrated for the one running, so the policies must leave both comments to a human.
    SecondStageModel shipped;
    try (InputStream in =
        EncoderScreener.class.getResourceAsStream(SecondStageProperties.DEFAULT_MODEL)) {
      shipped = SecondStageModel.read(in);
    }
    double[] thresholds = new double[Category.values().length];
    for (Category c : Category.values()) {
      thresholds[c.ordinal()] = shipped.firstThreshold(c);
    }
    double[] kinds = new double[AbuseKind.values().length];
    for (AbuseKind k : AbuseKind.values()) {
      kinds[k.ordinal()] = shipped.kindThreshold(k);
    }
    SecondStageModel retired =
        new SecondStageModel(
            shipped.encoderId(),
            "screening-0+retired",
            thresholds,
            shipped.heads(),
            shipped.stacks(),
            shipped.overall(),
            shipped.nearestFloor(),
            kinds,
            shipped.relevance(),
            shipped.center());
    Path file = Files.createTempFile("heads-", ".bin");
    try (OutputStream out = Files.newOutputStream(file)) {
      retired.write(out);
    }
    try (ConfigurableApplicationContext app = start("--diwan.second-stage.model=file:" + file)) {
      SubmittedComment[] cleanAndThreat = underBothPolicies(app);
      SubmittedComment clean = cleanAndThreat[0];
      SubmittedComment threat = cleanAndThreat[1];

      assertThat(List.of(state(app, clean.id()), state(app, threat.id()))).containsOnly("SCORED");
      CommentStatuses statuses = app.getBean(CommentStatuses.class);
      assertThat(statuses.byToken(threat.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.PENDING);
      assertThat(statuses.byToken(clean.token()).orElseThrow().status())
          .isEqualTo(CommentStatus.PENDING);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
