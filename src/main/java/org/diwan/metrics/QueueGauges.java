package org.diwan.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.diwan.comment.CommentQueue;
import org.diwan.site.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The moderation queue as two gauges: how many comments wait, and how long the oldest has waited.
 * Both come from one reading, taken when a scrape asks and the last is older than {@link
 * MetricsProperties#gaugeRefresh()}, so a busy queue is not counted on every scrape. The age is
 * worked out at each scrape from the oldest comment's submission time. Thread-safe.
 */
@Component
class QueueGauges {

  private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

  private record Reading(Instant at, long pending, Instant oldest) {}

  private final CommentQueue queue;
  private final Clock clock;
  private final Duration refresh;
  private Reading last;

  QueueGauges(CommentQueue queue, MeterRegistry meters, MetricsProperties properties, Clock clock) {
    this.queue = queue;
    this.clock = clock;
    this.refresh = properties.gaugeRefresh();
    Gauge.builder(Meters.COMMENTS_PENDING, this, QueueGauges::pending)
        .description("Comments waiting for a moderation decision")
        .strongReference(true)
        .register(meters);
    Gauge.builder(Meters.OLDEST_PENDING_AGE, this, QueueGauges::oldestAgeSeconds)
        .description("How long the oldest waiting comment has waited; 0 when none waits")
        .baseUnit("seconds")
        .strongReference(true)
        .register(meters);
  }

  double pending() {
    Reading reading = read();
    return reading == null ? Double.NaN : reading.pending();
  }

  double oldestAgeSeconds() {
    Reading reading = read();
    if (reading == null) {
      return Double.NaN;
    }
    if (reading.oldest() == null) {
      return 0;
    }
    Duration waited = Duration.between(reading.oldest(), clock.instant());
    return Math.max(0, waited.toMillis() / 1000.0);
  }

  /** The current reading, taken afresh when due; null when the database cannot be read. */
  private synchronized Reading read() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(refresh))) {
      try {
        last = new Reading(now, queue.pendingCount(), queue.oldestPending().orElse(null));
      } catch (RuntimeException e) {
        // A scrape during an outage shows a gap rather than an old value or an error page.
        log.warn("The queue's gauges could not be read: {}", e.getClass().getSimpleName());
        last = null;
      }
    }
    return last;
  }
}
