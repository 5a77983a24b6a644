package org.diwan.comment.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmitted;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.CommentTargets;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.SecondStage;
import org.diwan.comment.SecondStageEngine;
import org.diwan.comment.SecondStageProperties;
import org.diwan.comment.SecondStageScored;
import org.diwan.screening.CombinedScreening;
import org.diwan.screening.EncoderScreener;
import org.diwan.screening.Screener;
import org.diwan.screening.ScreeningInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The second screening stage in the running site: a bounded pool of its own threads ({@code
 * diwan.second-stage.threads}) claims stored comments still to read from the database, reads each
 * with the encoder and writes the combined verdict (see {@link
 * CommentRepository#claimSecondStage}). The database is the queue: a submission only wakes an idle
 * worker, and work left by a stopped process is claimed again at start (or when its claim's lease
 * runs out).
 *
 * <p>Fails closed: a comment it cannot read is marked {@link SecondStage#UNSCORED}, which the
 * automatic policies never approve. If the encoder cannot load, the site runs on, the stage says so
 * ({@link #status}) and comments are marked unscored.
 */
@Component
public class SecondStageWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SecondStageWorker.class);

  private final CommentRepository repository;
  private final CommentTargets targets;
  private final CommentScreening screening;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final SecondStageProperties properties;
  private final SecondStageEngine engine;
  private final Semaphore wake = new Semaphore(0);
  private volatile ExecutorService pool;
  private volatile EncoderScreener encoder;
  private volatile boolean running;

  SecondStageWorker(
      CommentRepository repository,
      CommentTargets targets,
      CommentScreening screening,
      ApplicationEventPublisher events,
      Clock clock,
      SecondStageProperties properties,
      SecondStageEngine engine) {
    this.engine = engine;
    this.repository = repository;
    this.targets = targets;
    this.screening = screening;
    this.events = events;
    this.clock = clock;
    this.properties = properties;
  }

  /** What the health indicator reports: off, loading, up, or why the stage is down. */
  public record Status(String state, String detail) {}

  public Status status() {
    if (!properties.enabled()) {
      return new Status("off", "diwan.second-stage.threads is 0");
    }
    EncoderScreener loaded = encoder;
    if (loaded == null) {
      return new Status("loading", "the encoder is loading");
    }
    return loaded.available()
        ? new Status("up", loaded.version())
        : new Status("down", loaded.status());
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      return;
    }
    running = true;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "second-stage-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    pool = Executors.newFixedThreadPool(properties.threads(), threads);
    for (int i = 0; i < properties.threads(); i++) {
      pool.execute(this::work);
    }
  }

  @Override
  public void stop() {
    running = false;
    ExecutorService p = pool;
    if (p != null) {
      wake.release(properties.threads());
      p.shutdown();
      try {
        // A comment takes milliseconds; what is claimed and not finished is taken back later.
        p.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      p.shutdownNow();
      pool = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Wakes an idle worker: there is new work in the database. */
  @EventListener
  void on(CommentSubmitted submitted) {
    if (running && submitted.screening().secondStage() == SecondStage.PENDING) {
      wake.release();
    }
  }

  private void work() {
    EncoderScreener loaded = engine.encoder().orElseThrow();
    encoder = loaded;
    if (!loaded.available()) {
      log.error("The second screening stage is down: {}", loaded.status());
    }
    while (running) {
      try {
        long claim = clock.millis();
        List<Long> ids =
            repository.claimSecondStage(
                properties.batch(), claim, claim - properties.lease().toMillis());
        for (long id : ids) {
          read(id, claim, loaded);
        }
        if (ids.isEmpty()) {
          wake.tryAcquire(properties.poll().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database is away: what was claimed is taken back when its lease ends.
        log.error("The second screening stage could not reach its backlog", e);
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(properties.poll().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Reads one claimed comment and stores the outcome; a failure marks it unscored. */
  private void read(long id, long claim, EncoderScreener loaded) {
    try {
      Optional<CommentRepository.Screened> found = repository.screenedById(id);
      if (found.isEmpty() || found.get().comment().status() != CommentStatus.PENDING) {
        repository.finishSecondStage(id, claim, SecondStage.NOT_NEEDED, "", null, "");
        return;
      }
      var comment = found.get().comment();
      Optional<CommentTarget> article = targets.byId(comment.articleId());
      Optional<Screener> first = screening.screener();
      if (article.isEmpty() || first.isEmpty()) {
        unscored(id, claim, first.isEmpty() ? "first stage not loaded" : "article not found");
        return;
      }
      CommentTarget a = article.get();
      ScreeningInput input =
          new ScreeningInput(comment.text(), a.headline(), a.body(), a.language());
      CombinedScreening combined = loaded.screen(input, first.get().screen(input));
      SecondStage state =
          switch (combined.outcome()) {
            case SCORED -> SecondStage.SCORED;
            case LANGUAGE_NOT_COVERED -> SecondStage.LANGUAGE;
            case NOTHING_TO_READ -> SecondStage.NOTHING_TO_READ;
            case FIRST_STAGE_FAILED, UNAVAILABLE, FAILED -> SecondStage.UNSCORED;
          };
      ScreeningSummary result = ScreeningSummary.of(combined, state);
      boolean mine =
          state == SecondStage.SCORED
              ? repository.finishSecondStage(
                  id,
                  claim,
                  state,
                  combined.note(),
                  result,
                  ScreeningSummary.encoderScoresText(combined))
              : repository.finishSecondStage(id, claim, state, combined.note(), null, "");
      if (mine) {
        // The first stage's verdict stays stored unless this one scored.
        ScreeningSummary stored =
            state == SecondStage.SCORED
                ? result
                : found.get().screening() == null
                    ? result
                    : found.get().screening().withSecondStage(state);
        events.publishEvent(new SecondStageScored(id, stored));
      }
    } catch (RuntimeException | StackOverflowError e) {
      log.error("The second screening stage failed on comment {}", id, e);
      unscored(id, claim, "second stage: " + e.getClass().getSimpleName());
    }
  }

  private void unscored(long id, long claim, String why) {
    try {
      if (repository.finishSecondStage(id, claim, SecondStage.UNSCORED, why, null, "")) {
        repository
            .screenedById(id)
            .map(CommentRepository.Screened::screening)
            .ifPresent(s -> events.publishEvent(new SecondStageScored(id, s)));
      }
    } catch (RuntimeException e) {
      log.error("Could not mark comment {} unscored; its claim will be taken back", id, e);
    }
  }

  /** Comments waiting for the stage, for the health indicator. */
  long backlog() {
    return repository.secondStageBacklog();
  }
}
