package org.diwan.guideline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.diwan.guideline.Highlight.Span;
import org.junit.jupiter.api.Test;

class HighlightTest {

  private static List<Span> with(Span... spans) {
    return List.of(spans);
  }

  @Test
  void marksExactlyTheEvidence() {
    List<Highlight.Run> runs =
        Highlight.of(
            "you are such an id10t", with(new Span(GuidelineCode.PERSONAL_ATTACK, 16, 21)));

    assertThat(runs)
        .containsExactly(
            new Highlight.Run("you are such an ", Set.of()),
            new Highlight.Run("id10t", Set.of(GuidelineCode.PERSONAL_ATTACK)));
  }

  @Test
  void overlappingEvidenceCarriesBothCodes() {
    List<Highlight.Run> runs =
        Highlight.of(
            "abcdef",
            with(new Span(GuidelineCode.PROFANITY, 1, 4), new Span(GuidelineCode.THREAT, 3, 5)));

    assertThat(runs).extracting(Highlight.Run::text).containsExactly("a", "bc", "d", "e", "f");
    assertThat(runs.get(2).codes())
        .containsExactlyInAnyOrder(GuidelineCode.PROFANITY, GuidelineCode.THREAT);
  }

  @Test
  void spansOutsideTheTextAndSplitSurrogatesAreHarmless() {
    String text = "ok 😀 ok";
    List<Highlight.Run> runs = Highlight.of(text, with(new Span(GuidelineCode.ABUSE, 4, 99)));

    assertThat(String.join("", runs.stream().map(Highlight.Run::text).toList())).isEqualTo(text);
    assertThat(runs.get(0).text()).isEqualTo("ok 😀");
  }

  @Test
  void noScreeningMeansOneUnmarkedRun() {
    assertThat(Highlight.of("text", null)).containsExactly(new Highlight.Run("text", Set.of()));
  }
}
