package org.diwan.site;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that does a round of work, waits as long as the round asks, and goes again
 * until stopped. A round that throws is logged (its class only: rounds handle commenters' data) and
 * the loop waits {@code afterFailure} before the next: the database may be busy or briefly away.
 * Thread-safe.
 */
public final class BackgroundLoop {

  /** One round; returns how long to wait before the next. */
  @FunctionalInterface
  public interface Round {
    Duration run();
  }

  private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

  private final String name;
  private final Round round;
  private final Duration afterFailure;
  private volatile Thread thread;

  public BackgroundLoop(String name, Duration afterFailure, Round round) {
    this.name = name;
    this.round = round;
    this.afterFailure = afterFailure;
  }

  public void start() {
    Thread t = new Thread(this::loop, name);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Interrupts the thread; a round under way ends at its next wait. */
  public void stop() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
    }
  }

  public boolean running() {
    return thread != null;
  }

  private void loop() {
    while (thread == Thread.currentThread()) {
      Duration wait;
      try {
        wait = round.run();
      } catch (RuntimeException e) {
        log.warn("{}: a round failed: {}", name, e.getClass().getSimpleName());
        wait = afterFailure;
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
