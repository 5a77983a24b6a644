package org.diwan.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** However busy, a staff session ends once it is older than its lifetime. */
class SessionLifetimeTest {

  private static final Instant LOGIN = Instant.parse("2026-11-26T08:00:00Z");
  private static final Duration DAY = Duration.ofHours(12);

  @Test
  void aSessionWithinItsLifetimeGoesOn() {
    assertThat(StaffSessions.withinLifetime(LOGIN, LOGIN.plus(Duration.ofHours(11)), DAY)).isTrue();
  }

  @Test
  void aSessionOlderThanItsLifetimeEndsEvenIfItWasUsedAMinuteAgo() {
    assertThat(StaffSessions.withinLifetime(LOGIN, LOGIN.plus(DAY), DAY)).isFalse();
  }

  @Test
  void aSessionFromTheFutureIsNotTrusted() {
    assertThat(StaffSessions.withinLifetime(LOGIN, LOGIN.minusSeconds(1), DAY)).isFalse();
  }
}
