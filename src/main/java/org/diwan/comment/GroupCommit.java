package org.diwan.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes the items that many threads hand in at the same moment in one transaction: one commit, one
 * fsync, for up to {@link #MAX_BATCH} of them. Thread-safe.
 *
 * <p>{@link #write} returns only once the caller's own item is committed, and throws what writing
 * that item threw. Whoever holds the writer lock writes everything waiting, its own item and the
 * others'; the others then find theirs done. When a batch fails it is rolled back as a whole and
 * its items are written again one transaction each, so one bad item fails only its own caller and
 * nothing is half-written.
 *
 * <p>Items are written on whichever caller's thread leads the batch, so {@code write} must not rely
 * on the caller's thread (no surrounding transaction, no thread-locals of the request).
 */
final class GroupCommit<T, R> {

  static final int MAX_BATCH = 256;

  private record Entry<T, R>(T item, CompletableFuture<R> result) {}

  private final ConcurrentLinkedQueue<Entry<T, R>> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock(true);
  private final TransactionOperations transaction;
  private final Function<T, R> write;

  GroupCommit(TransactionOperations transaction, Function<T, R> write) {
    this.transaction = transaction;
    this.write = write;
  }

  R write(T item) {
    Entry<T, R> mine = new Entry<>(item, new CompletableFuture<>());
    waiting.add(mine);
    writer.lock();
    try {
      while (!mine.result().isDone()) {
        commit(drain());
      }
    } finally {
      writer.unlock();
    }
    try {
      return mine.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private List<Entry<T, R>> drain() {
    List<Entry<T, R>> batch = new ArrayList<>();
    for (Entry<T, R> next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
      batch.add(next);
    }
    return batch;
  }

  private void commit(List<Entry<T, R>> batch) {
    List<R> written;
    try {
      written =
          transaction.execute(
              status -> {
                List<R> results = new ArrayList<>(batch.size());
                for (Entry<T, R> entry : batch) {
                  results.add(write.apply(entry.item()));
                }
                return results;
              });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).result().completeExceptionally(e);
      } else {
        // Rolled back as a whole: write each alone so only the bad one fails.
        batch.forEach(entry -> commit(List.of(entry)));
      }
      return;
    } catch (Error e) {
      batch.forEach(entry -> entry.result().completeExceptionally(e));
      throw e;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(written.get(i));
    }
  }
}
