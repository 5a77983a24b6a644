package org.diwan.wordlist.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.diwan.screening.Screener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one screening engine of the application. Its model (about 12 MB) is read on a background
 * thread from the moment the application starts, so pages are served before it is ready.
 *
 * <p>{@link #await} waits a bounded time for it and answers empty when it is not there (still
 * loading, or failed to load); callers then fail closed, as they do when the engine throws.
 * Thread-safe.
 */
@Component
public class ScreeningEngine {

  /** How long a caller waits for the model before it fails closed. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(ScreeningEngine.class);

  private final CompletableFuture<Screener> loading = new CompletableFuture<>();
  private final Duration wait;

  @Autowired
  public ScreeningEngine() {
    this(Screener::loadDefault, WAIT);
  }

  /** Starts loading with {@code loader} on its own thread; callers wait at most {@code wait}. */
  public ScreeningEngine(Supplier<Screener> loader, Duration wait) {
    this.wait = wait;
    Thread thread =
        new Thread(
            () -> {
              long start = System.nanoTime();
              try {
                loading.complete(loader.get());
                log.info(
                    "Loaded the screening model in {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
              } catch (RuntimeException | Error e) {
                log.error("Cannot load the screening model; every comment waits for a human", e);
                loading.completeExceptionally(e);
              }
            },
            "screening-model");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The engine, waiting a bounded time (30 s) for its model; empty if it is not loaded by then or
   * could not be loaded. Returns at once when it is loaded.
   */
  public Optional<Screener> await() {
    try {
      return Optional.of(loading.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }
}
