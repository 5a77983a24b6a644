package org.diwan.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log is copied back and restarted off the writers' path, on a real SQLite file. Each case has
 * a timeout: a checkpoint that waits forever for a writer, or a writer for it, fails instead of
 * hanging the build.
 */
@Timeout(60)
class WalCheckpointsTest {

  @TempDir Path dir;
  private HikariDataSource dataSource;
  private SerializedTransactionManager transactions;
  private JdbcClient jdbc;

  @BeforeEach
  void open() {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    dataSource = new HikariDataSource(Storage.sqlite(config, dir));
    transactions = new SerializedTransactionManager(dataSource);
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").update();
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  /** Rows of about a page each, committed one transaction per row as submissions are. */
  private void write(int from, int count) {
    var tx = new TransactionTemplate(transactions);
    for (int i = from; i < from + count; i++) {
      int id = i;
      tx.executeWithoutResult(
          s -> jdbc.sql("INSERT INTO item VALUES (?, ?)").params(id, "x".repeat(3000)).update());
    }
  }

  private int logFrames() {
    return jdbc.sql("PRAGMA wal_checkpoint(PASSIVE)").query((rs, n) -> rs.getInt(2)).single();
  }

  @Test
  void connectionsLeaveCheckpointsToIt() {
    write(0, 1500);
    assertThat(jdbc.sql("PRAGMA wal_autocheckpoint").query(Integer.class).single()).isZero();
    assertThat(logFrames()).as("SQLite would have restarted the log at 1,000").isGreaterThan(1500);
  }

  @Test
  void aPassiveCheckpointThatCatchesUpLetsTheLogStartOver() throws Exception {
    var checkpoints = new WalCheckpoints(dataSource, transactions, 500);
    write(0, 200);
    checkpoints.checkpoint();
    write(200, 1);
    assertThat(logFrames()).as("the next commit writes from the start").isLessThan(10);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Integer.class).single()).isEqualTo(201);
  }

  @Test
  @Timeout(20)
  void aReaderOnAnOldSnapshotHoldsTheRestartBackNotTheWriters() throws Exception {
    var checkpoints = new WalCheckpoints(dataSource, transactions, 500);
    write(0, 100);
    try (Connection reader = dataSource.getConnection()) {
      reader.setAutoCommit(false);
      try (var statement = reader.createStatement();
          var rows = statement.executeQuery("SELECT COUNT(*) FROM item")) {
        rows.next();
      }
      write(100, 600);
      checkpoints.checkpoint(); // the restart gives up after a moment instead of 30 s
      write(700, 1);
      assertThat(logFrames()).as("not restarted under the reader").isGreaterThan(600);
      reader.commit();
    }
    checkpoints.checkpoint();
    write(701, 1);
    assertThat(logFrames()).as("the log starts over once the reader has gone").isLessThan(10);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Integer.class).single()).isEqualTo(702);
  }

  @Test
  void aRestartWaitsForTheWriterAndTheWriterForIt() throws Exception {
    var checkpoints = new WalCheckpoints(dataSource, transactions, 100);
    write(0, 300);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writing = pool.submit(() -> write(300, 800));
      Future<?> more = pool.submit(() -> write(10_000, 800));
      while (!writing.isDone() || !more.isDone()) {
        checkpoints.checkpoint();
      }
      writing.get();
      more.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM item").query(Integer.class).single()).isEqualTo(1900);
  }

  @Test
  void itsThreadCopiesTheLogBackWithoutBeingAsked() throws Exception {
    var checkpoints = new WalCheckpoints(dataSource, transactions, 300);
    checkpoints.start();
    try {
      write(0, 1500);
      // The connections never checkpoint, so only the thread can grow the database file; the
      // deadline only turns a thread that never runs into a failure.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Files.size(dir.resolve("diwan.db")) < 1500L * 3000) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      checkpoints.stop();
    }
    assertThat(checkpoints.isRunning()).isFalse();
  }
}
