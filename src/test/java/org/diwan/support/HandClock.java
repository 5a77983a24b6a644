package org.diwan.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it, so retries fall due without waiting.
 * {@code @Import(HandClock.Config.class)} makes it the application's clock.
 */
public final class HandClock extends Clock {

  private volatile Instant now = Instant.parse("2026-03-01T09:00:00Z");

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @TestConfiguration
  public static class Config {
    @Bean
    @Primary
    HandClock handClock() {
      return new HandClock();
    }
  }
}
