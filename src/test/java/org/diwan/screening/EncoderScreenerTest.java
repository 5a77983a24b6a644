package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.diwan.screening.ScreeningFixtures.SHIPPED;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diwan.screening.encoder.OnnxEncoder;
import org.junit.jupiter.api.Test;

class EncoderScreenerTest {

  static final EncoderScreener SECOND = EncoderScreener.loadDefault();

  static CombinedScreening both(ScreeningInput input) {
    return SECOND.screen(input, SHIPPED.screen(input));
  }

  static CombinedScreening both(String text) {
    return both(ScreeningInput.of(text));
  }

  @Test
  void loadsTheShippedEncoderAndHeads() {
    assertThat(SECOND.available()).as(SECOND.status()).isTrue();
    assertThat(SECOND.status()).isEqualTo("up");
    assertThat(SECOND.version()).startsWith("enc1-").endsWith("+e5-small-v2-q");
  }

  @Test
  void flagsAnImpliedThreatAndRanksItAboveCleanComments() {
    CombinedScreening threat = both("We know where you live. Watch your back.");

    assertThat(threat.outcome()).isEqualTo(SecondStageOutcome.SCORED);
    assertThat(threat.flagged()).contains(Category.THREAT);
    assertThat(threat.calibrated()).contains(Category.THREAT);
    for (String clean :
        List.of(
            "Thanks for the clear explanation of the new budget, very useful.",
            "The governor's response to the floods was far too slow.",
            "I killed it at my exam",
            "Hell of a job")) {
      assertThat(threat.risk()).as(clean).isGreaterThan(both(clean).risk());
    }
  }

  @Test
  void flagsGroupHatredWithoutSlursAsAbuse() {
    for (String hatred :
        List.of(
            "Immigrants are a disease and this country must be cured of them.",
            "women are too emotional to be trusted with politics")) {
      CombinedScreening s = both(hatred);
      assertThat(s.flagged()).as(hatred).contains(Category.ABUSE);
      assertThat(s.evidence()).as(hatred).anyMatch(e -> e.category() == Category.ABUSE);
    }
  }

  @Test
  void showsEachStagesScoresBesideTheCombinedOnes() {
    CombinedScreening s = both("I will find the author and make him pay.");

    assertThat(s.first().scores()).containsOnlyKeys(Category.values());
    assertThat(s.encoder()).containsKeys(Category.THREAT, Category.ABUSE, Category.PROMOTION);
    assertThat(s.scores()).containsOnlyKeys(Category.values());
    assertThat(s.scores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(s.version()).isEqualTo(SHIPPED.version() + "+" + SECOND.version());
  }

  @Test
  void readsEveryWindowOfALongCommentAndShowsTheWorstSentence() {
    String calm = "The council met on Tuesday to discuss the new market hall and its budget. ";
    String threat = "I will burn the director's house down with him inside it.";
    String text = calm.repeat(30) + threat + " " + calm.repeat(10);

    CombinedScreening s = both(text);

    assertThat(s.flagged()).contains(Category.THREAT);
    assertThat(s.evidence())
        .filteredOn(e -> e.category() == Category.THREAT)
        .extracting(e -> text.substring(e.start(), e.end()))
        .anySatisfy(span -> assertThat(span).contains("burn the director"));
  }

  static final String BREAD_HEADLINE = "Bread prices rise by a third as flour subsidy ends";

  static final String BREAD_BODY =
      "SULAYMANIYAH – Bakeries across the province raised the price of a bag of bread from 1,000"
          + " to 1,500 dinars on Sunday, a day after the ministry of trade ended its flour subsidy."
          + " Bakers said the cost of flour had doubled since spring. The ministry said the subsidy"
          + " had cost more than the budget allowed and promised cash support for poor families"
          + " from next month. Shoppers queued outside bakeries in the old bazaar.";

  static CombinedScreening underArticle(String comment, String headline, String body) {
    return both(new ScreeningInput(comment, headline, body, "en"));
  }

  @Test
  void keepsPraiseQuestionsAndRelatedCommentsOnTopic() {
    List<String> flood =
        List.of(
            "So sad. Thank you for covering this.",
            "Is the road to Koya still closed?",
            "Where are the shelters? My aunt's village is near the river.",
            "Thank you to the civil defence teams, they worked all night.",
            ScreeningFixtures.ON_TOPIC_LONG_COMMENT);
    for (String comment : flood) {
      assertThat(
              underArticle(comment, ScreeningFixtures.HEADLINE, ScreeningFixtures.BODY).flagged())
          .as(comment)
          .doesNotContain(Category.OFF_TOPIC);
    }
    List<String> bread =
        List.of(
            "When does the cash support for poor families start?",
            "Very clear report, thank you.",
            "My family cannot afford 1,500 dinars every day for bread.",
            "Why did nobody warn the bakers before the subsidy ended?");
    for (String comment : bread) {
      assertThat(underArticle(comment, BREAD_HEADLINE, BREAD_BODY).flagged())
          .as(comment)
          .doesNotContain(Category.OFF_TOPIC);
    }
  }

  @Test
  void flagsCommentsAboutSomethingElseOffTopic() {
    List<String> unrelated =
        List.of(
            ScreeningFixtures.OFF_TOPIC_COMMENT,
            "Does anyone know a good dentist in Sulaymaniyah? Mine retired last month.",
            "Happy birthday to my brother Karwan, we love you and miss you!");
    for (String comment : unrelated) {
      CombinedScreening s =
          underArticle(comment, ScreeningFixtures.HEADLINE, ScreeningFixtures.BODY);
      assertThat(s.flagged()).as(comment).contains(Category.OFF_TOPIC);
      assertThat(s.encoder()).containsKey(Category.OFF_TOPIC);
    }
    // The same football comment is on topic under a story about football.
    assertThat(
            underArticle(
                    ScreeningFixtures.OFF_TOPIC_COMMENT,
                    "Erbil club signs striker for record fee",
                    "The club paid a record transfer fee for the striker, who is expected to play"
                        + " in next month's derby at the national stadium.")
                .flagged())
        .doesNotContain(Category.OFF_TOPIC);
  }

  @Test
  void marksOnlyTheOffTopicSentencesAndNeverHidesOtherEvidence() {
    String comment =
        "The bread price went up a third overnight and the ministry did nothing. "
            + "Anyway, happy birthday to my brother Karwan in Germany, we miss you so much! "
            + "Does anyone know a good dentist in Sulaymaniyah, mine retired last month?";
    String attack =
        "Happy birthday to my brother Karwan in Germany, you stupid fat idiot, we miss you! "
            + "Does anyone know a good dentist in Sulaymaniyah, mine retired last month?";

    List<Evidence> mixed = underArticle(comment, BREAD_HEADLINE, BREAD_BODY).evidence();
    CombinedScreening s = underArticle(attack, BREAD_HEADLINE, BREAD_BODY);

    // A comment that is partly about the story is on topic.
    assertThat(mixed).noneMatch(e -> e.category() == Category.OFF_TOPIC);
    assertThat(s.flagged()).contains(Category.OFF_TOPIC, Category.PERSONAL_ATTACK);
    List<Evidence> offTopic =
        s.evidence().stream().filter(e -> e.category() == Category.OFF_TOPIC).toList();
    List<Evidence> others =
        s.evidence().stream().filter(e -> e.category() != Category.OFF_TOPIC).toList();
    assertThat(offTopic).isNotEmpty().noneMatch(e -> e.start() == 0 && e.end() == attack.length());
    assertThat(others).isNotEmpty();
    for (Evidence other : others) {
      assertThat(offTopic).noneMatch(e -> e.start() < other.end() && other.start() < e.end());
    }
  }

  @Test
  void leavesOtherLanguagesToTheFirstStageAndSaysSo() {
    for (ScreeningInput input :
        List.of(
            ScreeningInput.of("Bu karar doğru değil, vatandaş mağdur oluyor."),
            ScreeningInput.of("هذا القرار ظالم بحق المواطنين"),
            new ScreeningInput(
                "Hikumet divê bersiva gel bide, ev biryar ne rast e.", null, null, null),
            ScreeningInput.of(
                "Die Regierung muss endlich die Wahrheit über den Haushalt sagen."))) {
      Screening first = SHIPPED.screen(input);
      CombinedScreening s = SECOND.screen(input, first);
      assertThat(s.outcome()).as(input.text()).isEqualTo(SecondStageOutcome.LANGUAGE_NOT_COVERED);
      assertThat(s.note()).contains("English");
      assertThat(s.flagged()).isEqualTo(first.flagged());
      assertThat(s.scores()).isEqualTo(first.scores());
      assertThat(s.calibrated()).isEmpty();
    }
  }

  @Test
  void findsNothingToReadInEmptyOrEmojiOnlyText() {
    for (String text : List.of("", "   ", "\uD83D\uDE21\uD83D\uDE21\uD83D\uDD2A", "?!...")) {
      CombinedScreening s = both(text);
      assertThat(s.outcome()).as(text).isEqualTo(SecondStageOutcome.NOTHING_TO_READ);
      assertThat(s.flagged()).isEqualTo(s.first().flagged());
    }
  }

  @Test
  void reportsItselfDownWhenTheHeadsAreMissingOrCorrupt() {
    ClassLoader loader = getClass().getClassLoader();
    for (String heads : List.of("no-such-heads.bin", "corrupt-heads.bin")) {
      EncoderScreener down = EncoderScreener.load(loader, OnnxEncoder.SHIPPED, heads);
      assertDown(down);
    }
  }

  @Test
  void reportsItselfDownWhenTheEncoderIsMissingOrCorrupt() {
    ClassLoader loader = getClass().getClassLoader();
    OnnxEncoder.Spec shipped = OnnxEncoder.SHIPPED;
    for (String weights : List.of("/no-such-model.onnx", "/org/diwan/screening/corrupt.onnx")) {
      OnnxEncoder.Spec spec =
          new OnnxEncoder.Spec(
              shipped.id(), weights, shipped.tokenizer(), shipped.pooling(), shipped.prefix());
      assertDown(EncoderScreener.load(loader, spec, EncoderScreener.MODEL_RESOURCE));
    }
  }

  private static void assertDown(EncoderScreener down) {
    assertThat(down.available()).isFalse();
    assertThat(down.status()).isNotEqualTo("up");
    ScreeningInput input = ScreeningInput.of("We know where you live. Watch your back.");
    Screening first = SHIPPED.screen(input);
    CombinedScreening s = down.screen(input, first);
    assertThat(s.outcome()).isEqualTo(SecondStageOutcome.UNAVAILABLE);
    assertThat(s.note()).isEqualTo(down.status());
    assertThat(s.flagged()).isEqualTo(first.flagged());
    assertThat(s.encoder()).isEmpty();
  }

  @Test
  void givesTheSameAnswersFromManyThreads() throws Exception {
    List<String> texts =
        List.of(
            "We know where you live. Watch your back.",
            "Thank you for this report, very clear.",
            "Refugees are vermin and should be thrown out.",
            "Check out my channel for free phones www.example.com",
            "The minister is a lying clown and should resign.",
            "When will the road to the airport reopen?");
    List<CombinedScreening> expected = texts.stream().map(EncoderScreenerTest::both).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CombinedScreening>> futures = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (String text : texts) {
          futures.add(pool.submit(() -> both(text)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
