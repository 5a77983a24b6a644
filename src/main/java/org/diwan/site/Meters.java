package org.diwan.site;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The names and tags of Diwan's own meters, in one place: every module that records one takes its
 * name from here, and the README's "Metrics" section lists them as Prometheus shows them ({@code .}
 * becomes {@code _}, counters end in {@code _total}, timers in {@code _seconds}).
 */
public final class Meters {

  /** Comments stored for moderation; tag {@link #LANGUAGE}. */
  public static final String COMMENTS_SUBMITTED = "diwan.comments.submitted";

  /** Moderation decisions; tags {@link #ACTION} and {@link #AUTOMATIC}. */
  public static final String COMMENTS_DECIDED = "diwan.comments.decided";

  /**
   * Each guideline code a rejection or take-down named; tags {@link #ACTION}, {@link #CODE} and
   * {@link #AUTOMATIC}. A decision naming two codes counts once in each.
   */
  public static final String DECISION_CODES = "diwan.comments.decided.codes";

  /** Comments waiting for a decision (a gauge, re-read at most every few seconds). */
  public static final String COMMENTS_PENDING = "diwan.comments.pending";

  /** How long the oldest waiting comment has waited, in seconds; 0 when none waits. */
  public static final String OLDEST_PENDING_AGE = "diwan.comments.pending.oldest.age";

  /** The in-line (first stage) screening of each submission; a timer. */
  public static final String SCREENING = "diwan.screening";

  /** E-mail notices handed to the mail server or not; tag {@link #OUTCOME}. */
  public static final String NOTICE_DELIVERIES = "diwan.notice.deliveries";

  /** Webhook deliveries; tag {@link #OUTCOME}. */
  public static final String WEBHOOK_DELIVERIES = "diwan.webhook.deliveries";

  /** Lookups in the site's caches; tags {@link #CACHE} and {@link #RESULT} (hit or miss). */
  public static final String CACHE_LOOKUPS = "diwan.cache.lookups";

  public static final String LANGUAGE = "language";
  public static final String ACTION = "action";
  public static final String CODE = "code";
  public static final String AUTOMATIC = "automatic";
  public static final String OUTCOME = "outcome";
  public static final String CACHE = "cache";
  public static final String RESULT = "result";

  private Meters() {}

  /** The timer of the in-line screening. */
  public static Timer screeningTime(MeterRegistry registry) {
    return Timer.builder(SCREENING)
        .description("The in-line screening of each submitted comment")
        // A few buckets for quantiles in Prometheus, not Micrometer's seventy.
        .serviceLevelObjectives(
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofSeconds(1))
        .register(registry);
  }

  /** The hit and miss counters of the cache {@code name}. */
  public static CacheLookups cache(MeterRegistry registry, String name) {
    return new CacheLookups(lookups(registry, name, "hit"), lookups(registry, name, "miss"));
  }

  private static Counter lookups(MeterRegistry registry, String name, String result) {
    return Counter.builder(CACHE_LOOKUPS)
        .description("Lookups in Diwan's caches")
        .tag(CACHE, name)
        .tag(RESULT, result)
        .register(registry);
  }

  /** A cache's two counters, made once: counting is then one add, with no lookup by name. */
  public record CacheLookups(Counter hits, Counter misses) {

    /** Counts a hit or a miss and passes {@code hit} back, to sit inside the cache's own test. */
    public boolean count(boolean hit) {
      (hit ? hits : misses).increment();
      return hit;
    }
  }
}
