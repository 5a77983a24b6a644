package org.diwan.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

// A lost wake-up would leave a caller parked for ever: the timeout turns that into a failure.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTest {

  /** A pretend database: rows written in a transaction appear only if it commits. */
  static final class Store implements TransactionOperations {
    final List<String> committed = new CopyOnWriteArrayList<>();
    final AtomicInteger commits = new AtomicInteger();
    private final ThreadLocal<List<String>> open = new ThreadLocal<>();

    @Override
    public <T> T execute(TransactionCallback<T> action) {
      open.set(new ArrayList<>());
      try {
        T result = action.doInTransaction(null);
        // A commit takes a while, as an fsync does: callers arriving meanwhile wait for the next.
        LockSupport.parkNanos(50_000);
        committed.addAll(open.get());
        commits.incrementAndGet();
        return result;
      } finally {
        open.remove();
      }
    }

    String write(String item) {
      if (item.startsWith("bad")) {
        throw new IllegalArgumentException("refused " + item);
      }
      open.get().add(item);
      return "stored " + item;
    }
  }

  /**
   * Hands "item 0", "item 1", … to {@code write} from {@code threads} threads; answers in order.
   */
  private static List<String> writeAll(int threads, int count, Function<String, String> write)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String item = "item " + i;
        results.add(pool.submit(() -> write.apply(item)));
      }
      List<String> answers = new ArrayList<>();
      for (Future<String> result : results) {
        answers.add(result.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Each caller of {@link #writeAll} got the answer for its own item. */
  private static void assertAnsweredInOrder(List<String> answers) {
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i)).isEqualTo("stored item " + i);
    }
  }

  @Test
  void everyCallerGetsItsOwnResultOnceItsItemIsCommitted() throws Exception {
    Store store = new Store();
    GroupCommit<String, String> group = new GroupCommit<>("test-writer", store, () -> store::write);
    List<String> answers =
        writeAll(
            16,
            2_000,
            item -> {
              String result = group.write(item);
              // Acknowledged only after the commit that holds it.
              assertThat(store.committed).contains(item);
              return result;
            });
    assertAnsweredInOrder(answers);
    assertThat(store.committed).hasSize(2_000).doesNotHaveDuplicates();
    assertThat(store.commits.get()).isLessThanOrEqualTo(2_000);
  }

  @Test
  void manyMoreCallersThanCoresAllGetTheirAnswers() throws Exception {
    Store store = new Store();
    GroupCommit<String, String> group = new GroupCommit<>("test-writer", store, () -> store::write);
    List<String> answers = writeAll(64, 50_000, group::write);
    assertAnsweredInOrder(answers);
    assertThat(store.committed).hasSize(50_000).doesNotHaveDuplicates();
    // Callers arriving together shared commits.
    assertThat(store.commits.get()).isLessThan(25_000);
  }

  @Test
  void aWriterThatStopsWhenIdleIsStartedAgainWithoutLosingAnItem() throws Exception {
    Store store = new Store();
    // A writer idle for a microsecond ends between almost every two items: the race between an
    // item arriving and the writer ending runs thousands of times.
    GroupCommit<String, String> group =
        new GroupCommit<>("test-idle-writer", store, () -> store::write, 1_000);
    AtomicInteger written = new AtomicInteger();
    List<String> answers =
        writeAll(
            8,
            20_000,
            item -> {
              if (written.incrementAndGet() % 1_000 == 0) {
                LockSupport.parkNanos(5_000_000); // quiet moments: the writer ends with none queued
              }
              return group.write(item);
            });
    assertAnsweredInOrder(answers);
    assertThat(store.committed).hasSize(20_000).doesNotHaveDuplicates();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writerThreads("test-idle-writer") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(writerThreads("test-idle-writer")).as("the writer ends once idle").isZero();
    assertThat(group.write("after a pause")).isEqualTo("stored after a pause");
  }

  private static long writerThreads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .count();
  }

  @Test
  void anErrorReachesItsCallerAndTheWriterGoesOn() {
    Store store = new Store();
    GroupCommit<String, String> group =
        new GroupCommit<>(
            "test-writer",
            store,
            () ->
                item -> {
                  if (item.equals("fatal")) {
                    throw new StackOverflowError("pretend");
                  }
                  return store.write(item);
                });

    assertThatThrownBy(() -> group.write("fatal")).isInstanceOf(StackOverflowError.class);
    assertThat(group.write("next")).isEqualTo("stored next");
  }

  @Test
  void aBadItemFailsOnlyItsOwnCallerAndLeavesNothingHalfWritten() throws Exception {
    Store store = new Store();
    GroupCommit<String, String> group = new GroupCommit<>("test-writer", store, () -> store::write);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String item = (i % 10 == 3 ? "bad " : "good ") + i;
        done.add(
            pool.submit(
                () -> {
                  try {
                    group.write(item);
                  } catch (IllegalArgumentException e) {
                    failures.add(e);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).hasSize(40);
    assertThat(store.committed).hasSize(360).allMatch(item -> item.startsWith("good"));
    assertThat(store.committed).doesNotHaveDuplicates();
  }

  @Test
  void aLoneBadItemThrowsToItsCaller() {
    Store store = new Store();
    GroupCommit<String, String> group = new GroupCommit<>("test-writer", store, () -> store::write);

    assertThatThrownBy(() -> group.write("bad one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refused bad one");
    assertThat(store.committed).isEmpty();
  }
}
