package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EncoderBadInputTest {

  /** The longest comment the site accepts; the first stage's tests go further, at no cost. */
  static final int SITE_LIMIT = 5_000;

  static Stream<org.junit.jupiter.params.provider.Arguments> hostileTexts() {
    return BadInputTest.hostileTexts()
        .map(
            a -> {
              String text = (String) a.get()[1];
              return org.junit.jupiter.params.provider.Arguments.of(
                  a.get()[0],
                  text == null ? null : text.substring(0, Math.min(text.length(), SITE_LIMIT)));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTexts")
  void screensHostileTextWithoutFailing(String name, String text) {
    ScreeningInput input = new ScreeningInput(text, "Council budget", "The council met.", "en");
    Screening first = ScreeningFixtures.SHIPPED.screen(input);

    CombinedScreening s = EncoderScreenerTest.SECOND.screen(input, first);

    assertThat(s.outcome()).as(s.note()).isNotEqualTo(SecondStageOutcome.FAILED);
    String original = text == null ? "" : text;
    assertThat(s.evidence())
        .allSatisfy(e -> assertThat(e.end()).isLessThanOrEqualTo(original.length()));
    assertThat(s.scores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
  }
}
