package org.diwan.comment.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.diwan.comment.CommentProperties;
import org.diwan.storage.Deployment;
import org.diwan.storage.KeyedHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many comments one client address and one email may post per minute (token buckets, refilled
 * gradually). A limit of 0 switches that check off. Behind a reverse proxy the address is the
 * client's only when the proxy is listed in {@code DIWAN_TRUSTED_PROXIES}.
 *
 * <p>One instance (SQLite) counts in memory, for at most ten idle minutes. Several instances
 * (PostgreSQL) count in the shared database, so each added instance does not add to a client's
 * allowance: both buckets of a submission are taken in one statement on an unlogged table, keyed by
 * a keyed hash of the address or email (never the address itself).
 */
@Component
public class SubmissionLimits {

  private static final Duration IDLE = Duration.ofMinutes(10);

  private final int perAddress;
  private final int perEmail;
  private final boolean shared;
  private final JdbcClient jdbc;
  private final KeyedHash hashes;
  private final Clock clock;
  private final AtomicLong sweptAt = new AtomicLong();
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(200_000).build();

  SubmissionLimits(
      CommentProperties properties,
      Deployment deployment,
      JdbcClient jdbc,
      KeyedHash hashes,
      Clock clock) {
    this.perAddress = properties.limits().commentsPerIpPerMinute();
    this.perEmail = properties.limits().commentsPerEmailPerMinute();
    this.shared = deployment.shared();
    this.jdbc = jdbc;
    this.hashes = hashes;
    this.clock = clock;
  }

  /**
   * Counts one submission from {@code address} with {@code email}.
   *
   * @throws TooManyComments when either limit is used up, saying when to try again
   */
  public void check(String address, String email) {
    Map<String, Integer> limits = new LinkedHashMap<>();
    if (perAddress > 0) {
      limits.put("ip:" + address, perAddress);
    }
    if (perEmail > 0 && email != null && !email.isBlank()) {
      limits.put("email:" + CommenterEmail.key(email), perEmail);
    }
    if (limits.isEmpty()) {
      return;
    }
    Duration wait = shared ? takeShared(limits) : takeHere(limits);
    if (!wait.isZero()) {
      throw new TooManyComments(wait);
    }
  }

  private Duration takeHere(Map<String, Integer> limits) {
    for (Map.Entry<String, Integer> limit : limits.entrySet()) {
      int perMinute = limit.getValue();
      Bucket bucket =
          buckets.get(
              limit.getKey(),
              k ->
                  Bucket.builder()
                      .addLimit(
                          Bandwidth.builder()
                              .capacity(perMinute)
                              .refillGreedy(perMinute, Duration.ofMinutes(1))
                              .build())
                      .build());
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
      }
    }
    return Duration.ZERO;
  }

  /**
   * Takes a token from each bucket that has one, in one statement: a new bucket starts full less
   * this token; a known one is refilled by the time since it was last used ({@code capacity} a
   * minute, never above {@code capacity}) and loses one if it then holds at least one. The buckets
   * that could not give one are not returned.
   */
  private Duration takeShared(Map<String, Integer> limits) {
    long now = clock.millis();
    sweep(now);
    List<Object> params = new ArrayList<>();
    StringBuilder values = new StringBuilder();
    Map<String, Integer> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> limit : limits.entrySet()) {
      String key = hashes.of(limit.getKey());
      byKey.put(key, limit.getValue());
      values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?)");
      params.add(key);
      params.add(limit.getValue() - 1.0);
      params.add(now);
    }
    String refilled =
        "LEAST(EXCLUDED.tokens + 1, b.tokens + GREATEST(EXCLUDED.at - b.at, 0)"
            + " * (EXCLUDED.tokens + 1) / 60000.0)";
    List<String> taken =
        jdbc.sql(
                "INSERT INTO rate_limit AS b (key, tokens, at) VALUES "
                    + values
                    + " ON CONFLICT (key) DO UPDATE SET tokens = "
                    + refilled
                    + " - 1, at = GREATEST(b.at, EXCLUDED.at) WHERE "
                    + refilled
                    + " >= 1 RETURNING key")
            .params(params)
            .query(String.class)
            .list();
    Duration wait = Duration.ZERO;
    for (Map.Entry<String, Integer> limit : byKey.entrySet()) {
      if (!taken.contains(limit.getKey())) {
        Duration mine = untilOneToken(limit.getKey(), limit.getValue(), now);
        wait = mine.compareTo(wait) > 0 ? mine : wait;
      }
    }
    return wait;
  }

  private Duration untilOneToken(String key, int perMinute, long now) {
    return jdbc.sql("SELECT tokens, at FROM rate_limit WHERE key = ?")
        .param(key)
        .query(
            (rs, row) -> {
              double tokens =
                  rs.getDouble(1) + Math.max(0, now - rs.getLong(2)) * perMinute / 60000.0;
              double missing = Math.max(0, 1 - tokens);
              return Duration.ofMillis(
                  Math.max(1, (long) Math.ceil(missing * 60000.0 / perMinute)));
            })
        .optional()
        .orElse(Duration.ofSeconds(1));
  }

  /** At most once a minute per instance, forgets the buckets idle for ten minutes (full again). */
  private void sweep(long now) {
    long last = sweptAt.get();
    if (now - last > 60_000 && sweptAt.compareAndSet(last, now)) {
      jdbc.sql("DELETE FROM rate_limit WHERE at < ?").param(now - IDLE.toMillis()).update();
    }
  }
}
