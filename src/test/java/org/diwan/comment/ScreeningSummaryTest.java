package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;
import org.junit.jupiter.api.Test;

class ScreeningSummaryTest {

  @Test
  void storedFormsRoundTrip() {
    ScreeningSummary summary =
        new ScreeningSummary(
            "v1",
            "en",
            0.8,
            Map.of(GuidelineCode.THREAT, 0.8123, GuidelineCode.ABUSE, 0.01),
            Set.of(GuidelineCode.THREAT),
            List.of(new ScreeningSummary.Span(GuidelineCode.THREAT, 3, 9)),
            Set.of(),
            false,
            null);

    assertThat(ScreeningSummary.parseScores(summary.scoresText()))
        .containsEntry(GuidelineCode.THREAT, 0.8123)
        .containsEntry(GuidelineCode.ABUSE, 0.01);
    assertThat(ScreeningSummary.parseEvidence(summary.evidenceText()))
        .isEqualTo(summary.evidence());
    assertThat(ScreeningSummary.parseEvidence("")).isEmpty();
  }

  @Test
  void scoresAreWrittenWithFourPlacesAsFormatWouldWriteThem() {
    Random random = new Random(6);
    for (int i = 0; i < 10_000; i++) {
      double score = i < 5 ? new double[] {0, 1, 0.00005, 0.99995, 0.5}[i] : random.nextDouble();
      assertThat(ScreeningSummary.fourPlaces(score))
          .as("score %s", score)
          .isEqualTo(String.format(Locale.ROOT, "%.4f", score));
    }
    assertThat(ScreeningSummary.fourPlaces(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void failedScreeningIsTreatedAsRisky() {
    ScreeningSummary failed = ScreeningSummary.failed("v1", "lexicon: boom");

    assertThat(failed.failed()).isTrue();
    assertThat(failed.risk()).isEqualTo(1.0);
    assertThat(failed.flagged()).isEmpty();
  }
}
