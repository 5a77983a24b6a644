package org.diwan.site;

import java.time.Duration;

/** A wait that doubles after each failure, from {@code first} up to {@code longest}. Immutable. */
public record Backoff(Duration first, Duration longest) {

  /** How long to wait after the {@code attempts}th failure (the first waits {@code first}). */
  public Duration after(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration delay = first.multipliedBy(1L << doublings);
    return delay.compareTo(longest) > 0 ? longest : delay;
  }
}
