package org.diwan.screening.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.diwan.screening.Category;
import org.junit.jupiter.api.Test;

class SignalsTest {

  private static final Map<Category, Stack> STACKS =
      Map.of(
          Category.PROFANITY, stack(0.4),
          Category.THREAT, stack(0.4),
          Category.PERSONAL_ATTACK, stack(0.3),
          Category.ABUSE, stack(0.5));

  private static Stack stack(double threshold) {
    return new Stack(0b0001, new double[] {1, 0, 0, 0}, 0, threshold);
  }

  private static Map<Category, Double> scores(double profanity, double threat) {
    return Map.of(
        Category.PROFANITY,
        profanity,
        Category.THREAT,
        threat,
        Category.PERSONAL_ATTACK,
        0.03,
        Category.ABUSE,
        0.05);
  }

  @Test
  void theNearestCodeIsTheOneClosestToItsOwnThreshold() {
    assertThat(Signals.nearestToThreshold(STACKS, scores(0.30, 0.10)::get))
        .isEqualTo(Category.PROFANITY);
    assertThat(Signals.nearestToThreshold(STACKS, scores(0.10, 0.35)::get))
        .isEqualTo(Category.THREAT);
  }

  @Test
  void theAgreementAloneFlagsTheNearestCodeOnlyWhenItReachesTheFloor() {
    // PROFANITY at 0.30 is 0.75 of its threshold, at 0.20 half of it.
    assertThat(Signals.agreementFlags(STACKS, scores(0.30, 0.1)::get, 0.6))
        .isEqualTo(Category.PROFANITY);
    assertThat(Signals.agreementFlags(STACKS, scores(0.20, 0.1)::get, 0.6)).isNull();
    assertThat(Signals.agreementFlags(STACKS, scores(0.20, 0.1)::get, 0.0))
        .isEqualTo(Category.PROFANITY);
  }

  @Test
  void theAgreementNeverNamesThreat() {
    assertThat(Signals.agreementFlags(STACKS, scores(0.1, 0.39)::get, 0.0)).isNull();
  }
}
