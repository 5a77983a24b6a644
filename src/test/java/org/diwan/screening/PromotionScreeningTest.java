package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diwan.screening.ScreeningFixtures.LISTS_ONLY;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromotionScreeningTest {

  @ParameterizedTest(name = "\"{0}\" promotes via \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "cheap watches at bestdeals dot com today|bestdeals dot com",
        "visit example [.] com for more|example [.] com",
        "visit example (dot) net now|example (dot) net",
        "go to shop . com now|shop . com",
        "call me on +44 20 7946 0958 for prices|+44 20 7946 0958",
        "whatsapp me on 0750 123 4567|0750 123 4567",
      })
  void flagsObfuscatedLinksAndPhoneNumbers(String text, String span) {
    Screening screening = LISTS_ONLY.screen(ScreeningInput.of(text));

    assertThat(screening.flagged()).contains(Category.PROMOTION);
    assertThat(screening.evidence())
        .filteredOn(e -> e.category() == Category.PROMOTION)
        .extracting(e -> text.substring(e.start(), e.end()))
        .contains(span);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The vote was 1,204 to 998 in 2023.",
        "It was late. Co-workers left early.",
        "Tell me. Us voters deserve answers.",
      })
  void leavesNumbersAndProseAlone(String text) {
    assertThat(LISTS_ONLY.screen(ScreeningInput.of(text)).flagged())
        .doesNotContain(Category.PROMOTION);
  }
}
