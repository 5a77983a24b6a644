package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diwan.screening.ScreeningFixtures.LISTS_ONLY;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

  static Stream<Arguments> hostileTexts() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("null text", null),
        Arguments.of("100 KB of prose", "The council met again on Tuesday. ".repeat(3000)),
        Arguments.of("one 50,000-character word", "a".repeat(50_000)),
        Arguments.of("one 50,000-character mixed word", "ab1$*".repeat(10_000)),
        Arguments.of("only emoji", "\uD83D\uDE00\uD83D\uDD25\uD83D\uDC4D".repeat(200)),
        Arguments.of("only combining marks", "\u0301\u0308\u0327".repeat(3000)),
        Arguments.of("mixed scripts", "Erbil هەولێر Эрбиль Έρμπιλ アルビール i̇stanbul"),
        Arguments.of("lone surrogates", "bad \uD800 text \uDC00 here \uD83D"),
        Arguments.of("spaced letters forever", "a b ".repeat(20_000)),
        Arguments.of("digits forever", "1 2 3 4 5 6 7 8 9 0 (".repeat(5_000)),
        Arguments.of("control characters", "\u0000\u0007\u001B[31m\u202E\uFEFF"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTexts")
  void screensHostileTextWithoutThrowing(String name, String text) {
    Screening screening = ScreeningFixtures.SHIPPED.screen(ScreeningInput.of(text));

    assertThat(screening).isNotNull();
    assertThat(screening.failed()).as(screening.failure()).isFalse();
    String original = text == null ? "" : text;
    assertThat(screening.evidence())
        .allSatisfy(e -> assertThat(e.end()).isLessThanOrEqualTo(original.length()));
    assertThat(LISTS_ONLY.screen(ScreeningInput.of(text)).failed()).isFalse();
  }
}
