package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.screening.internal.NormalizedText;
import org.diwan.screening.internal.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest(name = "{0} folds to {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "you are such an id10t|you are such an idiot",
        "f u c k off|fuck off",
        "F.U.C.K|fuck",
        "fuuuuck|fuuck",
        "good jeep|good jeep",
        "sh1t and @ss|shit and ass",
        "k1ll|kill",
        "f*ck|f*ck",
        "sh!t!!!|shit",
        "Café NAÏVE|cafe naive",
        "\uFF26\uFF55\uFF4C\uFF4C width|full width",
        "id\u200Biot|idiot",
        "i\u200Ddi\u202Eot|idiot",
        "idi\u043Et|idiot",
        "don't|dont",
        "I a m|iam",
        "2020 was long|2020 was long",
      })
  void foldsEvasions(String original, String folded) {
    assertThat(TextNormalizer.normalize(original).text()).isEqualTo(folded);
  }

  @ParameterizedTest(name = "token {1} of \"{0}\" maps back to \"{2}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "you are such an id10t|4|id10t",
        "well f u c k this|1|f u c k",
        "so fuuuuck it|1|fuuuuck",
        "an id\u043Eot here|1|id\u043Eot",
        "x i\u200Ddiot|1|i\u200Ddiot",
        "\uD83D\uDE00 then sh!t|1|sh!t",
      })
  void mapsTokensBackToOriginalOffsets(String original, int token, String span) {
    NormalizedText text = TextNormalizer.normalize(original);
    assertThat(original.substring(text.originalStart(token), text.originalEnd(token)))
        .isEqualTo(span);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645|\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
        "\u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F|\u0645\u062D\u0645\u062F",
        "\u0622\u0645\u062F|\u0622\u0645\u062F",
        "\u0643\u0644\u0628|\u06A9\u0644\u0628",
      })
  void keepsArabicScriptLettersAndNonJoinerButDropsShortVowels(String original, String folded) {
    assertThat(TextNormalizer.normalize(original).text()).isEqualTo(folded);
  }
}
