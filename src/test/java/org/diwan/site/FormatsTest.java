package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private static String waited(Duration ago) {
    return Formats.waited(NOW.minus(ago), NOW);
  }

  @Test
  void waitsReadAsAModeratorWouldSayThem() {
    assertThat(waited(Duration.ofSeconds(20))).isEqualTo("under a minute");
    assertThat(waited(Duration.ofMinutes(4))).isEqualTo("4 min");
    assertThat(waited(Duration.ofMinutes(190))).isEqualTo("3 h 10 min");
    assertThat(waited(Duration.ofHours(14).plusMinutes(5))).isEqualTo("14 h");
    assertThat(waited(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(Formats.waited(NOW.plusSeconds(90), NOW)).isEqualTo("under a minute");
    assertThat(Formats.waited(null, NOW)).isEmpty();
  }
}
