package org.diwan.storage.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.diwan.storage.ChangeFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The change feed: generations counted in memory, moved on here after each local change commits
 * and, on PostgreSQL, by the {@link ChangeChannel} for every other instance's. Thread-safe.
 */
final class Generations implements ChangeFeed {

  static final String CHANNEL = "diwan_changes";
  static final String EVERYTHING = "*";

  private final JdbcClient jdbc;
  private final boolean clustered;
  // Tags this instance's announcements: it counted them at commit, and skips them when they return.
  private final String instance = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong everything = new AtomicLong();
  private final Map<String, AtomicLong> scopes = new ConcurrentHashMap<>();
  // Clustered instances start unsynced: nothing is trusted before the channel listens.
  private volatile boolean synced;

  /**
   * @param clustered whether other instances may share the database (PostgreSQL)
   */
  Generations(JdbcClient jdbc, boolean clustered) {
    this.jdbc = jdbc;
    this.clustered = clustered;
    this.synced = !clustered;
  }

  @Override
  public boolean synced() {
    return synced;
  }

  @Override
  public long everything() {
    return everything.get();
  }

  @Override
  public long of(String scope) {
    AtomicLong generation = scopes.get(scope);
    return generation == null ? 0 : generation.get();
  }

  @Override
  public void changed(String scope) {
    announce(scope);
  }

  @Override
  public void changedEverything() {
    announce(EVERYTHING);
  }

  private void announce(String scope) {
    if (clustered) {
      // NOTIFY is transactional: delivered at commit, dropped with a rollback.
      jdbc.sql("SELECT pg_notify(?, ?)")
          .params(CHANNEL, instance + " " + scope)
          .query()
          .singleRow();
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              received(scope);
            }
          });
    } else {
      received(scope);
    }
  }

  /** A notification: another instance's change has committed (this one's own are skipped). */
  void notified(String payload) {
    int space = payload.indexOf(' ');
    if (space > 0 && !payload.substring(0, space).equals(instance)) {
      received(payload.substring(space + 1));
    }
  }

  /** A change announced here or by another instance has committed. */
  void received(String scope) {
    if (EVERYTHING.equals(scope)) {
      everything.incrementAndGet();
    } else {
      scopes.computeIfAbsent(scope, s -> new AtomicLong()).incrementAndGet();
    }
  }

  /** The channel is down: changes may be missed from now on. */
  void lost() {
    synced = false;
  }

  /** The channel listens again: what was kept before may be stale, so none of it is used. */
  void resynced() {
    everything.incrementAndGet();
    synced = true;
  }
}
