package org.diwan.comment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes the items that many threads hand in at the same moment in one transaction: one commit, one
 * fsync, for up to {@link #MAX_BATCH} of them. Thread-safe.
 *
 * <p>{@link #write} returns only once the caller's own item is committed, and throws what writing
 * that item threw. A writer thread of its own takes everything waiting, writes it in one
 * transaction and wakes each owner as its item is done, then takes what arrived meanwhile; it ends
 * after {@link #IDLE_NANOS} with nothing to do and is started again by the next item. (Callers took
 * turns leading the batches before; handing the lead on cost a thread wake-up between every two
 * batches, and the writer stood idle for a fifth of the time under load.) When a batch fails it is
 * rolled back as a whole and its items are written again one transaction each, so one bad item
 * fails only its own caller and nothing is half-written.
 *
 * <p>Items are written on the writer thread, so {@code write} must not rely on the caller's thread
 * (no surrounding transaction, no thread-locals of the request).
 */
public final class GroupCommit<T, R> {

  static final int MAX_BATCH = 256;
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

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
      LockSupport.unpark(owner);
    }
  }

  private final ConcurrentLinkedQueue<Entry<T, R>> waiting = new ConcurrentLinkedQueue<>();

  /** Whether a writer thread is running; only the thread that sets it true starts one. */
  private final AtomicBoolean running = new AtomicBoolean();

  private volatile Thread writer;

  /** Writes one batch's items inside its transaction; closed before the transaction ends. */
  @FunctionalInterface
  public interface Writer<T, R> extends AutoCloseable {
    public R write(T item);

    @Override
    default void close() {}
  }

  private final TransactionOperations transaction;
  private final Supplier<? extends Writer<T, R>> writers;
  private final String name;
  private final long idleNanos;

  public GroupCommit(
      String name, TransactionOperations transaction, Supplier<? extends Writer<T, R>> writers) {
    this(name, transaction, writers, IDLE_NANOS);
  }

  GroupCommit(
      String name,
      TransactionOperations transaction,
      Supplier<? extends Writer<T, R>> writers,
      long idleNanos) {
    this.name = name;
    this.transaction = transaction;
    this.writers = writers;
    this.idleNanos = idleNanos;
  }

  public R write(T item) {
    Entry<T, R> mine = new Entry<>(item, Thread.currentThread());
    // Queued before looking at the writer: a writer about to end looks at the queue once more.
    waiting.add(mine);
    if (running.compareAndSet(false, true)) {
      Thread started = new Thread(this::run, name);
      started.setDaemon(true);
      writer = started;
      started.start();
    } else {
      Thread current = writer;
      if (current != null) {
        LockSupport.unpark(current);
      }
    }
    boolean interrupted = false;
    while (!mine.done) {
      LockSupport.park(this);
      // The item is being written either way: finish waiting, then restore the flag.
      interrupted |= Thread.interrupted();
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

  private void run() {
    while (true) {
      List<Entry<T, R>> batch = drain();
      if (!batch.isEmpty()) {
        commit(batch);
        continue;
      }
      // Every new item unparks the writer, so a wake-up may be left over from one already
      // written: wait out the whole idle time before ending.
      long deadline = System.nanoTime() + idleNanos;
      for (long left = idleNanos;
          left > 0 && waiting.isEmpty();
          left = deadline - System.nanoTime()) {
        LockSupport.parkNanos(this, left);
      }
      if (waiting.isEmpty()) {
        running.set(false);
        // An item queued after the look above saw this thread running and did not start one.
        if (waiting.isEmpty() || !running.compareAndSet(false, true)) {
          return;
        }
        writer = Thread.currentThread();
      }
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
      // Thrown to each owner on its own thread; the writer goes on with the next batch.
      batch.forEach(entry -> entry.finish(null, e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).finish(written.get(i), null);
    }
  }
}
