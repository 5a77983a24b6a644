package org.diwan.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes the items that many threads hand in at the same moment in one transaction: one commit, one
 * fsync, for up to {@link #MAX_BATCH} of them. Thread-safe.
 *
 * <p>{@link #write} returns only once the caller's own item is committed, and throws what writing
 * that item threw. One caller at a time leads: it writes everything waiting, its own item and the
 * others', wakes each owner as its item is done, and then wakes the owner of the oldest item still
 * waiting to lead the next batch. Callers whose items are done leave at once, so they never queue
 * for the lead behind one another. When a batch fails it is rolled back as a whole and its items
 * are written again one transaction each, so one bad item fails only its own caller and nothing is
 * half-written.
 *
 * <p>Items are written on whichever caller's thread leads the batch, so {@code write} must not rely
 * on the caller's thread (no surrounding transaction, no thread-locals of the request).
 */
final class GroupCommit<T, R> {

  static final int MAX_BATCH = 256;

  private static final class Entry<T, R> {
    final T item;
    final Thread owner;
    R result;
    Throwable failure;
    // Written last, after result or failure: reading it true makes them visible.
    volatile boolean done;

    Entry(T item, Thread owner) {
      this.item = item;
      this.owner = owner;
    }

    void finish(R written, Throwable failed) {
      result = written;
      failure = failed;
      done = true;
      if (owner != Thread.currentThread()) {
        LockSupport.unpark(owner);
      }
    }
  }

  private final ConcurrentLinkedQueue<Entry<T, R>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean leading = new AtomicBoolean();

  /** Writes one batch's items inside its transaction; closed before the transaction ends. */
  @FunctionalInterface
  interface Writer<T, R> extends AutoCloseable {
    R write(T item);

    @Override
    default void close() {}
  }

  private final TransactionOperations transaction;
  private final Supplier<? extends Writer<T, R>> writers;

  GroupCommit(TransactionOperations transaction, Supplier<? extends Writer<T, R>> writers) {
    this.transaction = transaction;
    this.writers = writers;
  }

  R write(T item) {
    Entry<T, R> mine = new Entry<>(item, Thread.currentThread());
    // Queued before looking at the lead: a leader that finishes after this line either takes
    // the item or finds it waiting and wakes this thread.
    waiting.add(mine);
    boolean interrupted = false;
    while (!mine.done) {
      if (leading.compareAndSet(false, true)) {
        try {
          commit(drain());
        } finally {
          leading.set(false);
          Entry<T, R> next = waiting.peek();
          if (next != null) {
            LockSupport.unpark(next.owner);
          }
        }
      } else {
        LockSupport.park(this);
        // The item is being written either way: finish waiting, then restore the flag.
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (mine.failure instanceof RuntimeException e) {
      throw e;
    }
    if (mine.failure instanceof Error e) {
      throw e;
    }
    return mine.result;
  }

  private List<Entry<T, R>> drain() {
    List<Entry<T, R>> batch = new ArrayList<>();
    for (Entry<T, R> next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
      batch.add(next);
    }
    return batch;
  }

  private void commit(List<Entry<T, R>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<R> written;
    try {
      written =
          transaction.execute(
              status -> {
                List<R> results = new ArrayList<>(batch.size());
                try (Writer<T, R> writer = writers.get()) {
                  for (Entry<T, R> entry : batch) {
                    results.add(writer.write(entry.item));
                  }
                }
                return results;
              });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).finish(null, e);
      } else {
        // Rolled back as a whole: write each alone so only the bad one fails.
        batch.forEach(entry -> commit(List.of(entry)));
      }
      return;
    } catch (Error e) {
      batch.forEach(entry -> entry.finish(null, e));
      throw e;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).finish(written.get(i), null);
    }
  }
}
