package org.diwan.storage.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A transaction manager that lets one transaction at a time run against SQLite.
 *
 * <p>SQLite has a single writer. Left to itself, a transaction that read first and writes later
 * fails with SQLITE_BUSY when another writer got in between; a fair lock taken before {@code BEGIN}
 * makes writers queue in arrival order instead. Reads outside transactions are not affected and run
 * concurrently in WAL mode.
 */
class SerializedTransactionManager extends JdbcTransactionManager {

  private final ReentrantLock writer = new ReentrantLock(true);

  SerializedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  /**
   * Runs {@code work} while no transaction of this manager is open, holding others off until it
   * ends: for work SQLite can only do without a writer, such as restarting its log.
   */
  <T> T betweenTransactions(Callable<T> work) throws Exception {
    writer.lock();
    try {
      return work.call();
    } finally {
      writer.unlock();
    }
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {
    writer.lock();
    try {
      super.doBegin(transaction, definition);
    } catch (RuntimeException | Error e) {
      writer.unlock();
      throw e;
    }
  }

  @Override
  protected void doCleanupAfterCompletion(Object transaction) {
    try {
      super.doCleanupAfterCompletion(transaction);
    } finally {
      if (writer.isHeldByCurrentThread()) {
        writer.unlock();
      }
    }
  }
}
