package org.diwan.storage.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own.
 *
 * <p>Left to SQLite, the commit that takes the log past 1,000 pages runs the checkpoint itself.
 * With comments committed in groups, that commit is the group's writer, so every comment waiting
 * behind it waited for a thousand page copies and a second fsync. Here the connections never
 * checkpoint ({@code wal_autocheckpoint=0}, set in {@link Storage}): this thread copies the log
 * with passive checkpoints, which run while writers go on appending, and once the log is past
 * {@link #RESTART_FRAMES} it restarts it between two transactions, by then with little left to
 * copy. Durability does not change: a commit is on disk once its log frames are synced.
 */
class WalCheckpoints implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);
  private static final long PERIOD_MS = 100;

  /** 64 MB of 4 KB pages: about 3,000 comments, or a second of the heaviest load measured. */
  static final int RESTART_FRAMES = 16_000;

  /** How long a restart waits for readers of an older snapshot before it is left for next time. */
  private static final int RESTART_WAIT_MS = 200;

  private static final long RESTART_BACK_OFF_NS = TimeUnit.SECONDS.toNanos(5);

  private final DataSource dataSource;
  private final SerializedTransactionManager writers;
  private final int restartFrames;
  private volatile Thread thread;
  private long restartNotBefore = System.nanoTime();

  /** {@code writers}: SQLite's transaction manager; null for PostgreSQL, which needs none of it. */
  WalCheckpoints(DataSource dataSource, SerializedTransactionManager writers) {
    this(dataSource, writers, RESTART_FRAMES);
  }

  WalCheckpoints(DataSource dataSource, SerializedTransactionManager writers, int restartFrames) {
    this.dataSource = dataSource;
    this.writers = writers;
    this.restartFrames = restartFrames;
  }

  @Override
  public void start() {
    if (writers == null) {
      return;
    }
    Thread t = new Thread(this::run, "sqlite-checkpoints");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** After the web server has stopped (later phases stop first); closing the pool checkpoints. */
  @Override
  public void stop() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  @Override
  public int getPhase() {
    return -100;
  }

  private void run() {
    while (thread == Thread.currentThread()) {
      try {
        Thread.sleep(PERIOD_MS);
        checkpoint();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        log.warn("SQLite checkpoint failed; trying again shortly", e);
      }
    }
  }

  /**
   * A passive checkpoint, then a restart if the log has grown past its bound. A restart that a
   * reader held back is not tried again for a while, so a long read cannot keep stalling writers.
   */
  void checkpoint() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      if (pragma(statement, "PASSIVE").frames() < restartFrames
          || System.nanoTime() - restartNotBefore < 0) {
        return;
      }
      // A reader of an old snapshot must not hold the writers up for the connection's usual 30 s.
      statement.execute("PRAGMA busy_timeout = " + RESTART_WAIT_MS);
      try {
        if (writers.betweenTransactions(() -> pragma(statement, "RESTART")).busy()) {
          restartNotBefore = System.nanoTime() + RESTART_BACK_OFF_NS;
        }
      } finally {
        statement.execute("PRAGMA busy_timeout = " + Storage.BUSY_TIMEOUT_MS);
      }
    }
  }

  /** What a checkpoint reports: whether it was held back, and the frames in the log. */
  private record Outcome(boolean busy, int frames) {}

  private static Outcome pragma(Statement statement, String mode) throws SQLException {
    try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      return result.next()
          ? new Outcome(result.getInt(1) != 0, result.getInt(2))
          : new Outcome(false, 0);
    }
  }
}
