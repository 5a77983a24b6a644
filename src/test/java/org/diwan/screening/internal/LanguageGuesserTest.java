package org.diwan.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The language guess over 38 sentences per language, written for Diwan (language-id.tsv). */
class LanguageGuesserTest {

  /** Below this share right in any one language, the wrong word lists apply too often. */
  private static final double MINIMUM_ACCURACY = 0.9;

  @Test
  void guessesEachShippedLanguageWithoutTheArticleLanguageAsHint() throws IOException {
    Map<String, int[]> rightAndTotal = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (String[] row : rows()) {
      String expected = row[1];
      String text = row[2];
      String guess = LanguageGuesser.guess(text, TextNormalizer.normalize(text), null);
      int[] counts = rightAndTotal.computeIfAbsent(expected, k -> new int[2]);
      counts[1]++;
      if (guess.equals(expected)) {
        counts[0]++;
      } else {
        misses.add(row[0] + " " + expected + "->" + guess);
      }
    }

    assertThat(rightAndTotal.keySet()).containsExactly("ar", "ckb", "en", "fa", "kmr", "tr");
    rightAndTotal.forEach(
        (language, counts) ->
            assertThat((double) counts[0] / counts[1])
                .as("accuracy for %s (%d/%d); misses %s", language, counts[0], counts[1], misses)
                .isGreaterThanOrEqualTo(MINIMUM_ACCURACY));
  }

  @Test
  void tellsKurmanjiFromTurkishAndPersianFromArabic() {
    assertThat(guess("Ez spas dikim ji bo vê nûçeyê, gelek baş bû.")).isEqualTo("kmr");
    assertThat(guess("Bu haber için çok teşekkür ederim, gerçekten iyiydi.")).isEqualTo("tr");
    assertThat(guess("از این گزارش خیلی ممنونم، واقعا خوب بود.")).isEqualTo("fa");
    assertThat(guess("شكرا جزيلا على هذا التقرير، كان جيدا حقا.")).isEqualTo("ar");
  }

  @Test
  void leavesDiwansEnglishHeldOutCommentsEnglish() throws IOException {
    // English threats read as Kurmanji lose the English word lists: recall fell when they did.
    List<String> notEnglish = new ArrayList<>();
    for (String file : List.of("threats.en.tsv", "clean.en.tsv")) {
      for (String line : lines(file)) {
        String text = line.substring(line.lastIndexOf('\t') + 1);
        if (!guess(text).equals("en")) {
          notEnglish.add(guess(text) + ": " + text);
        }
      }
    }

    assertThat(notEnglish).isEmpty();
  }

  private static List<String> lines(String file) throws IOException {
    try (InputStream in =
        LanguageGuesserTest.class.getResourceAsStream("/org/diwan/screening/evaluation/" + file)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      return List.of(lines).subList(1, lines.length).stream().filter(l -> !l.isBlank()).toList();
    }
  }

  private static String guess(String text) {
    return LanguageGuesser.guess(text, TextNormalizer.normalize(text), null);
  }

  private static List<String[]> rows() throws IOException {
    try (InputStream in =
        LanguageGuesserTest.class.getResourceAsStream(
            "/org/diwan/screening/evaluation/language-id.tsv")) {
      List<String[]> rows = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          rows.add(lines[i].split("\t", 3));
        }
      }
      return rows;
    }
  }
}
