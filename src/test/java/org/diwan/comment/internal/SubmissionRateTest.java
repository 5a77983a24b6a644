package org.diwan.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SubmissionRateTest {

  private static final long MS = 1_000_000;

  @Test
  void countsTheSubmissionsOfTheLastSecond() {
    SubmissionRate rate = new SubmissionRate(0);
    for (int i = 0; i < 30; i++) {
      rate.record(i * 10 * MS); // 30 in the first 300 ms
    }

    assertThat(rate.perSecond(500 * MS)).isEqualTo(30);
    // Half a second into the next bucket, half of the previous one is still inside the last second.
    assertThat(rate.perSecond(1500 * MS)).isCloseTo(15, within(1e-9));
    assertThat(rate.perSecond(2100 * MS)).isZero();
  }

  @Test
  void aSteadyTrickleStaysBelowAFloodAndAQuietSpellForgetsBoth() {
    SubmissionRate rate = new SubmissionRate(0);
    for (long t = 0; t < 5000; t += 333) {
      rate.record(t * MS); // three a second
    }
    assertThat(rate.perSecond(5000 * MS)).isBetween(2.0, 4.0);

    for (long t = 5000; t < 6000; t++) {
      rate.record(t * MS); // a thousand a second
    }
    assertThat(rate.perSecond(6000 * MS)).isGreaterThan(900);
    assertThat(rate.perSecond(60_000 * MS)).isZero();
  }
}
