package org.diwan.comment.internal;

import java.util.concurrent.TimeUnit;

/**
 * Submissions in the last second, estimated from two one-second buckets: the current one, plus the
 * previous one weighted by the share of it still inside the last second. Cheap enough to record on
 * every submission; thread-safe.
 */
final class SubmissionRate {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private long bucketStart;
  private long current;
  private long previous;

  SubmissionRate(long now) {
    this.bucketStart = now;
  }

  synchronized void record(long now) {
    roll(now);
    current++;
  }

  /** Submissions in the second before {@code now}. */
  synchronized double perSecond(long now) {
    roll(now);
    double stillInside = 1 - (now - bucketStart) / (double) SECOND;
    return current + previous * stillInside;
  }

  private void roll(long now) {
    long elapsed = now - bucketStart;
    if (elapsed >= 2 * SECOND) {
      previous = 0;
      current = 0;
      bucketStart = now;
    } else if (elapsed >= SECOND) {
      previous = current;
      current = 0;
      bucketStart += SECOND;
    }
  }
}
