package org.diwan.article.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often each article is read, for the "most read" lists: a count per article per day, nothing
 * about who read it (no cookie, no address, no time finer than the day). Reads are added up in
 * memory and written every {@link #FLUSH_EVERY} by each instance, adding to what the others wrote,
 * so a read costs a counter increment and the database one row per article read per flush.
 * Thread-safe.
 */
@Component
public class ReadCounts {

  static final Duration FLUSH_EVERY = Duration.ofSeconds(30);
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final Logger log = LoggerFactory.getLogger(ReadCounts.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "diwan-read-counts");
            thread.setDaemon(true);
            return thread;
          });

  ReadCounts(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    long every = FLUSH_EVERY.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** One more read of the article. */
  public void read(long articleId) {
    pending.computeIfAbsent(articleId, id -> new LongAdder()).increment();
  }

  /** Writes the reads counted so far; each is written once, none lost if the write fails. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<Long, Long> taken = new HashMap<>();
    for (Long id : List.copyOf(pending.keySet())) {
      LongAdder adder = pending.remove(id);
      if (adder != null && adder.sum() > 0) {
        taken.put(id, adder.sum());
      }
    }
    long day = today();
    try {
      transaction.executeWithoutResult(
          status ->
              taken.forEach(
                  (id, reads) ->
                      jdbc.sql(
                              "INSERT INTO article_read (article_id, day, reads)"
                                  + " SELECT id, ?, ? FROM article WHERE id = ?"
                                  + " ON CONFLICT (article_id, day)"
                                  + " DO UPDATE SET reads = article_read.reads + excluded.reads")
                          .params(day, reads, id)
                          .update()));
    } catch (RuntimeException failed) {
      taken.forEach((id, reads) -> pending.computeIfAbsent(id, k -> new LongAdder()).add(reads));
      throw failed;
    }
  }

  /**
   * The most read published articles in {@code language} over the last {@code days} days (today
   * included), most read first: their ids.
   */
  public List<Long> mostRead(String language, int days, int limit) {
    return jdbc.sql(
            "SELECT r.article_id FROM article_read r JOIN article a ON a.id = r.article_id"
                + " WHERE r.day > ? AND a.published = ? AND a.language = ?"
                + " GROUP BY r.article_id ORDER BY SUM(r.reads) DESC, r.article_id DESC LIMIT ?")
        .params(today() - days, true, language, limit)
        .query(Long.class)
        .list();
  }

  private long today() {
    return clock.millis() / DAY_MILLIS;
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException failed) {
      log.warn(
          "Could not write read counts; they are kept for the next try: {}", failed.toString());
    }
  }

  @PreDestroy
  void stop() {
    flusher.shutdownNow();
    flushQuietly();
  }
}
