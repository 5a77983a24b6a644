package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diwan.screening.ScreeningFixtures.SHIPPED;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.diwan.screening.internal.Detector;
import org.diwan.screening.internal.LinearModel;
import org.diwan.screening.internal.Pipeline;
import org.diwan.screening.internal.PromotionDetector;
import org.junit.jupiter.api.Test;

class ScreenerTest {

  @Test
  void shippedModelFlagsLeetspeakInsultAndHighlightsIt() {
    String text = "you are such an id10t";
    Screening screening = SHIPPED.screen(ScreeningInput.of(text));

    assertThat(screening.failed()).isFalse();
    assertThat(screening.language()).isEqualTo("en");
    assertThat(screening.flagged()).contains(Category.PERSONAL_ATTACK);
    assertThat(screening.evidence())
        .filteredOn(e -> e.category() == Category.PERSONAL_ATTACK)
        .extracting(e -> text.substring(e.start(), e.end()))
        .contains("id10t");
  }

  @Test
  void leavesOrdinaryCommentUnflagged() {
    Screening screening =
        SHIPPED.screen(
            ScreeningInput.of("Thanks for the clear explanation of the new budget, very useful."));

    assertThat(screening.flagged()).isEmpty();
    assertThat(screening.evidence()).isEmpty();
    assertThat(screening.scores()).containsOnlyKeys(Category.values());
  }

  @Test
  void scoresEveryCategoryWithinZeroAndOne() {
    Screening screening = SHIPPED.screen(ScreeningInput.of("shut up you stupid idiot, I hate you"));

    assertThat(screening.scores().values()).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    assertThat(screening.risk())
        .isGreaterThanOrEqualTo(SHIPPED.threshold(Category.PERSONAL_ATTACK));
  }

  @Test
  void doesNotCallNeutralSentencesAboutIdentityGroupsAbuse() {
    List<String> neutral =
        List.of(
            "As a gay man I think this law matters to my family.",
            "Muslim families in the city prepared for the holiday.",
            "Women journalists covered the election in every province.",
            "Black voters turned out in large numbers.",
            "Jewish students organised a book fair.",
            "Immigrants from Syria opened three bakeries on this street.");
    for (String sentence : neutral) {
      assertThat(SHIPPED.screen(ScreeningInput.of(sentence)).flagged())
          .as(sentence)
          .doesNotContain(Category.ABUSE);
    }
  }

  @Test
  void flagsLongCommentUnrelatedToTheArticleAsOffTopic() {
    Screening screening =
        SHIPPED.screen(ScreeningFixtures.withArticle(ScreeningFixtures.OFF_TOPIC_COMMENT));

    assertThat(screening.flagged()).contains(Category.OFF_TOPIC);
  }

  @Test
  void keepsRelatedCommentAndShortReactionsOnTopic() {
    assertThat(
            SHIPPED
                .screen(ScreeningFixtures.withArticle(ScreeningFixtures.ON_TOPIC_LONG_COMMENT))
                .flagged())
        .doesNotContain(Category.OFF_TOPIC);
    for (String reaction : ScreeningFixtures.SHORT_ON_TOPIC_REACTIONS) {
      assertThat(SHIPPED.screen(ScreeningFixtures.withArticle(reaction)).flagged())
          .as(reaction)
          .doesNotContain(Category.OFF_TOPIC);
    }
  }

  @Test
  void anEditedArticleIsComparedAsItNowReads() {
    String comment = ScreeningFixtures.OFF_TOPIC_COMMENT;
    double before =
        SHIPPED.screen(ScreeningFixtures.withArticle(comment)).score(Category.OFF_TOPIC);
    assertThat(SHIPPED.screen(ScreeningFixtures.withArticle(comment)).score(Category.OFF_TOPIC))
        .isEqualTo(before);

    // The same headline, with the comment's own subject added to the body by an edit.
    ScreeningInput edited =
        new ScreeningInput(
            comment, ScreeningFixtures.HEADLINE, ScreeningFixtures.BODY + "\n\n" + comment, "en");
    assertThat(SHIPPED.screen(edited).score(Category.OFF_TOPIC)).isLessThan(before);
    assertThat(SHIPPED.screen(edited).flagged()).doesNotContain(Category.OFF_TOPIC);
  }

  @Test
  void skipsOffTopicCheckWithoutArticle() {
    Screening screening = SHIPPED.screen(ScreeningInput.of(ScreeningFixtures.OFF_TOPIC_COMMENT));

    assertThat(screening.score(Category.OFF_TOPIC)).isZero();
  }

  @Test
  void reportsThrowingDetectorAsFailedAndNamesIt() {
    Detector broken =
        new Detector() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public void detect(
              org.diwan.screening.internal.Analysis analysis,
              org.diwan.screening.internal.Findings findings) {
            throw new IllegalStateException("boom");
          }
        };
    LinearModel model = LinearModel.empty("test");
    Screener screener =
        new Screener(
            model, Lexicons.empty(), new Pipeline(List.of(new PromotionDetector(), broken)));

    Screening screening = screener.screen(ScreeningInput.of("hello"));

    assertThat(screening.failed()).isTrue();
    assertThat(screening.failure()).contains("broken");
    assertThat(screening.flagged()).isEmpty();
  }

  @Test
  void givesSameResultsWhenScreeningInParallel() throws Exception {
    List<String> comments =
        List.of(
            "you are such an id10t",
            "buy cheap pills at pharma dot com",
            "Great reporting, thanks",
            "I will kill you",
            "Bu haber çok önemli, teşekkürler",
            "هذا خبر مهم جدا");
    List<Screening> expected =
        comments.stream().map(c -> SHIPPED.screen(ScreeningInput.of(c))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Screening>>> futures =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              comments.stream()
                                  .map(c -> SHIPPED.screen(ScreeningInput.of(c)))
                                  .toList()))
              .toList();
      for (Future<List<Screening>> future : futures) {
        assertThat(future.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shippedModelLoadsWithStableVersion() {
    Screener again = Screener.loadDefault();

    assertThat(again.version()).isEqualTo(SHIPPED.version());
    assertThat(SHIPPED.version()).matches("screening-1\\+lr20-[0-9a-f]{8}");
    assertThat(SHIPPED.screen(ScreeningInput.of("hi")).version()).isEqualTo(SHIPPED.version());
  }
}
