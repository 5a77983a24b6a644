package org.diwan.comment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.diwan.guideline.GuidelineCode;
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
  private final SubmissionRate submissions = new SubmissionRate(System.nanoTime());

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
      submissions.record(System.nanoTime());
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
        if (ids.isEmpty()) {
          wake.tryAcquire(properties.poll().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
          continue;
        }
        List<Read> reads = new ArrayList<>(ids.size());
        for (long id : ids) {
          long start = System.nanoTime();
          reads.add(read(id, loaded));
          yieldWhileBusy(System.nanoTime() - start);
        }
        List<CommentRepository.SecondStageResult> mine =
            repository.finishSecondStage(reads.stream().map(Read::result).toList(), claim);
        for (Read r : reads) {
          if (mine.contains(r.result()) && r.shown() != null) {
            events.publishEvent(
                new SecondStageScored(r.result().commentId(), r.shown(), r.calibrated()));
          }
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

  /**
   * While readers submit at least {@code busyRate} comments a second, rests {@code busyPause} times
   * as long as the comment just read took: the stage then takes only a small share of a core from a
   * flood of submissions. Below that rate the submissions need next to no CPU, and the stage reads
   * at full speed, so steady traffic does not hold it back.
   */
  private void yieldWhileBusy(long spentNanos) throws InterruptedException {
    if (submissions.perSecond(System.nanoTime()) >= properties.busyRate()) {
      TimeUnit.NANOSECONDS.sleep((long) (spentNanos * properties.busyPause()));
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

  /**
   * One comment's result, what the policies are told of it (null: nothing) and which of its codes
   * are calibrated.
   */
  private record Read(
      CommentRepository.SecondStageResult result,
      ScreeningSummary shown,
      Set<GuidelineCode> calibrated) {

    Read(CommentRepository.SecondStageResult result, ScreeningSummary shown) {
      this(result, shown, Set.of());
    }
  }

  /** Reads one claimed comment; never throws: a failure is an unscored result. */
  private Read read(long id, EncoderScreener loaded) {
    try {
      Optional<CommentRepository.Screened> found = repository.screenedById(id);
      if (found.isEmpty() || found.get().comment().status() != CommentStatus.PENDING) {
        return new Read(result(id, SecondStage.NOT_NEEDED, ""), null);
      }
      ScreeningSummary stored = found.get().screening();
      var comment = found.get().comment();
      Optional<CommentTarget> article = targets.byId(comment.articleId());
      Optional<Screener> first = screening.screener();
      if (article.isEmpty() || first.isEmpty()) {
        String why = first.isEmpty() ? "first stage not loaded" : "article not found";
        return unscored(id, stored, why);
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
      if (state != SecondStage.SCORED) {
        // The first stage's verdict stays stored; only the state changes.
        return new Read(
            result(id, state, combined.note()),
            stored == null ? null : stored.withSecondStage(state));
      }
      ScreeningSummary result = ScreeningSummary.of(combined, state);
      return new Read(
          new CommentRepository.SecondStageResult(
              id, state, combined.note(), result, ScreeningSummary.encoderScoresText(combined)),
          result,
          ScreeningSummary.calibrated(combined));
    } catch (RuntimeException | StackOverflowError e) {
      log.error("The second screening stage failed on comment {}", id, e);
      return unscored(id, null, "second stage: " + e.getClass().getSimpleName());
    }
  }

  private static Read unscored(long id, ScreeningSummary stored, String why) {
    return new Read(
        result(id, SecondStage.UNSCORED, why),
        stored == null ? null : stored.withSecondStage(SecondStage.UNSCORED));
  }

  private static CommentRepository.SecondStageResult result(
      long id, SecondStage state, String note) {
    return new CommentRepository.SecondStageResult(id, state, note, null, "");
  }

  /** Comments waiting for the stage, for the health indicator. */
  long backlog() {
    return repository.secondStageBacklog();
  }
}
