package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Re-runs both stages on Diwan's held-out English sets and checks MODEL.md's figures for the
 * shipped models: THREAT recall 187/233 on {@code threats.en.tsv}, 12/343 clean comments flagged.
 * Two comments of slack allow another CPU's last bits of an embedding; a retrained model moves
 * more.
 */
class HeldOutFiguresTest {

  @Test
  void reproducesTheModelCardsThreatRecallAndCleanFalsePositives() throws IOException {
    int threats = 0;
    List<String[]> threatRows = rows("threats.en.tsv");
    for (String[] row : threatRows) {
      threats += EncoderScreenerTest.both(row[3]).flagged().contains(Category.THREAT) ? 1 : 0;
    }
    int flaggedClean = 0;
    List<String[]> cleanRows = rows("clean.en.tsv");
    for (String[] row : cleanRows) {
      flaggedClean += EncoderScreenerTest.both(row[2]).flagged().isEmpty() ? 0 : 1;
    }

    assertThat(threatRows).hasSize(233);
    assertThat(cleanRows).hasSize(343);
    assertThat(threats).isCloseTo(187, within(2));
    assertThat(flaggedClean).isCloseTo(12, within(2));
  }

  private static List<String[]> rows(String file) throws IOException {
    try (InputStream in = HeldOutFiguresTest.class.getResourceAsStream("evaluation/" + file)) {
      List<String[]> rows = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          rows.add(lines[i].split("\t", -1));
        }
      }
      return rows;
    }
  }
}
