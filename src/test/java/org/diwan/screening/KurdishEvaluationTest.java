package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diwan.screening.ScreeningFixtures.SHIPPED;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recall and false-positive rate per guideline code of the shipped engine over kurdish.tsv (288
 * Sorani and Kurmanji comments written for Diwan); the table printed here is the one in MODEL.md.
 */
class KurdishEvaluationTest {

  private record Row(String language, Set<Category> codes, String text) {}

  @Test
  void reportsRecallAndFalsePositiveRatePerCodeAndKeepsCleanCommentsMostlyUnflagged()
      throws IOException {
    List<Row> rows = rows();
    List<Set<Category>> flagged = new ArrayList<>();
    for (Row row : rows) {
      flagged.add(SHIPPED.screen(ScreeningInput.of(row.text())).flagged());
    }
    StringBuilder table = new StringBuilder("code               pos  recall     neg    FPR\n");
    for (Category code : Category.values()) {
      if (code == Category.OFF_TOPIC) {
        continue; // rows carry no article, so relevance cannot be judged
      }
      int positives = 0;
      int caught = 0;
      int negatives = 0;
      int falseAlarms = 0;
      for (int i = 0; i < rows.size(); i++) {
        boolean hit = flagged.get(i).contains(code);
        if (rows.get(i).codes().contains(code)) {
          positives++;
          caught += hit ? 1 : 0;
        } else {
          negatives++;
          falseAlarms += hit ? 1 : 0;
        }
      }
      table.append(
          String.format(
              Locale.ROOT,
              "%-16s %5d  %6.3f  %6d  %5.3f%n",
              code,
              positives,
              (double) caught / positives,
              negatives,
              (double) falseAlarms / negatives));
    }
    int clean = 0;
    int cleanFlagged = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).codes().isEmpty()) {
        clean++;
        cleanFlagged += flagged.get(i).isEmpty() ? 0 : 1;
      }
    }
    table.append(String.format(Locale.ROOT, "clean flagged %d/%d%n", cleanFlagged, clean));
    System.out.print(table);

    assertThat(rows).hasSize(288);
    // Bounds just under what the kmr lists and language guess reach (16/133, THREAT 0.514);
    // without them Kurmanji fell to English lists: 27/133 clean flagged, THREAT recall 0.229.
    assertThat((double) cleanFlagged / clean).as(table.toString()).isLessThanOrEqualTo(0.15);
    assertThat(recall(rows, flagged, Category.THREAT)).as(table.toString()).isGreaterThan(0.4);
  }

  private static double recall(List<Row> rows, List<Set<Category>> flagged, Category code) {
    int positives = 0;
    int caught = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).codes().contains(code)) {
        positives++;
        caught += flagged.get(i).contains(code) ? 1 : 0;
      }
    }
    return (double) caught / positives;
  }

  private static List<Row> rows() throws IOException {
    try (InputStream in =
        KurdishEvaluationTest.class.getResourceAsStream(
            "/org/diwan/screening/evaluation/kurdish.tsv")) {
      List<Row> rows = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].split("\t", 5);
        Set<Category> codes = EnumSet.noneOf(Category.class);
        for (String code : f[3].split(",")) {
          if (!code.isBlank()) {
            codes.add(Category.valueOf(code));
          }
        }
        rows.add(new Row(f[1], codes, f[4]));
      }
      return rows;
    }
  }
}
