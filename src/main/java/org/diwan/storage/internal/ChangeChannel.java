package org.diwan.storage.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL for the changes other instances announce, on a connection and a thread of
 * its own, and tells the {@link Generations}. When the connection fails the feed is marked unsynced
 * at once (caches answer from the database meanwhile) and the channel reconnects with a growing
 * pause; once it listens again the feed resyncs. A quiet connection is probed every second, so a
 * silently dead one is noticed within about two.
 */
final class ChangeChannel implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeChannel.class);
  private static final int POLL_MS = 250;
  private static final long PROBE_NANOS = Duration.ofSeconds(1).toNanos();
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
  private static final Duration FIRST_LISTEN = Duration.ofSeconds(10);

  private final Generations feed;
  private final String url;
  private final Properties login = new Properties();
  private volatile boolean running;
  private volatile Thread thread;

  ChangeChannel(Generations feed, String url, String user, String password, String name) {
    this.feed = feed;
    this.url = url;
    if (user != null) {
      login.setProperty("user", user);
    }
    if (password != null) {
      login.setProperty("password", password);
    }
    login.setProperty("socketTimeout", "10");
    login.setProperty("connectTimeout", "5");
    // Names the connection in pg_stat_activity: which instance listens there.
    login.setProperty("ApplicationName", name + " changes");
  }

  /**
   * Starts listening, and waits a bounded time for the first {@code LISTEN}, so an instance
   * normally starts in sync (with a database that does not answer it starts without caches
   * instead).
   */
  @Override
  public void start() {
    running = true;
    Thread listener = new Thread(this::run, "change-channel");
    listener.setDaemon(true);
    thread = listener;
    listener.start();
    long deadline = System.nanoTime() + FIRST_LISTEN.toNanos();
    while (!feed.synced() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread listener = thread;
    if (listener != null) {
      listener.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server: the first pages already find the channel listening, or wait for it. */
  @Override
  public int getPhase() {
    return -1;
  }

  private void run() {
    long pause = 100;
    while (running) {
      try (Connection connection = DriverManager.getConnection(url, login)) {
        listen(connection);
        pause = 100;
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        feed.lost();
        log.warn(
            "Change channel lost ({}); serving without caches until it is back", e.getMessage());
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        return;
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE.toMillis());
    }
  }

  private void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + Generations.CHANNEL);
    }
    feed.resynced();
    log.info("Change channel listening");
    PGConnection postgres = connection.unwrap(PGConnection.class);
    long probed = System.nanoTime();
    while (running) {
      PGNotification[] notifications = postgres.getNotifications(POLL_MS);
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          feed.notified(notification.getParameter());
        }
      }
      if (System.nanoTime() - probed > PROBE_NANOS) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT 1");
        }
        probed = System.nanoTime();
      }
    }
  }
}
