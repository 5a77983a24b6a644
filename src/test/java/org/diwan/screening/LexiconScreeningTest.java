package org.diwan.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.diwan.screening.ScreeningFixtures.LISTS_ONLY;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconScreeningTest {

  @Test
  void flagsLeetspeakInsultWithEvidenceOnExactlyThatWord() {
    String text = "you are such an id10t";
    Screening screening = LISTS_ONLY.screen(ScreeningInput.of(text));

    assertThat(screening.flagged()).contains(Category.PERSONAL_ATTACK);
    assertThat(screening.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.category()).isEqualTo(Category.PERSONAL_ATTACK);
              assertThat(text.substring(e.start(), e.end())).isEqualTo("id10t");
            });
  }

  @ParameterizedTest(name = "\"{0}\" is profanity at \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "well f u c k this|f u c k",
        "well f.u.c.k this|f.u.c.k",
        "oh fuuuuck no|fuuuuck",
        "what the f*ck|f*ck",
        "this is sh!t|sh!t",
        "total bull\u0455hit|bull\u0455hit",
        "fu\u200Dck that|fu\u200Dck",
      })
  void seesThroughEvasions(String text, String span) {
    Screening screening = LISTS_ONLY.screen(ScreeningInput.of(text));

    assertThat(screening.flagged()).contains(Category.PROFANITY);
    assertThat(screening.evidence())
        .extracting(e -> text.substring(e.start(), e.end()))
        .contains(span);
  }

  @Test
  void screensKurmanjiCommentAgainstTheShippedKurmanjiList() {
    String text = "Tu bêşerefekî, ji vir here";
    Screening screening = LISTS_ONLY.screen(ScreeningInput.of(text));

    assertThat(screening.language()).isEqualTo("kmr");
    assertThat(screening.flagged()).contains(Category.PERSONAL_ATTACK);
    assertThat(screening.evidence())
        .extracting(e -> text.substring(e.start(), e.end()))
        .contains("bêşerefekî");
  }

  @Test
  void catchesCyrillicLetterInsideLatinWord() {
    String text = "what an id\u0456\u043Et";
    Screening screening = LISTS_ONLY.screen(ScreeningInput.of(text));

    assertThat(screening.flagged()).contains(Category.PERSONAL_ATTACK);
    assertThat(screening.evidence()).extracting(Evidence::start).contains(8);
  }

  @Test
  void keepsOrdinaryWordsWithDoubledLettersClean() {
    Screening screening =
        LISTS_ONLY.screen(ScreeningInput.of("Good jeep, class assessment passed, see you soon"));

    assertThat(screening.flagged()).isEmpty();
    assertThat(screening.evidence()).isEmpty();
  }

  @Test
  void namesAbuseKindFromTheWordList() {
    Screening screening = LISTS_ONLY.screen(ScreeningInput.of("shut up you f@ggot"));

    assertThat(screening.flagged()).contains(Category.ABUSE);
    assertThat(screening.abuseKinds()).containsExactly(AbuseKind.HOMOPHOBIA);
  }

  @Test
  void usesAdminEditedListsAtRuntime() {
    Screener edited =
        LISTS_ONLY.withLexicons(
            Lexicons.shipped().with("en", "PERSONAL_ATTACK numpty*\n# a comment line", ""));

    assertThat(edited.screen(ScreeningInput.of("what a numpty")).flagged())
        .containsExactly(Category.PERSONAL_ATTACK);
    assertThat(edited.screen(ScreeningInput.of("what an idiot")).flagged()).isEmpty();
  }

  @Test
  void suspectWordRaisesScoreWithoutFlagging() {
    Screener suspectOnly =
        LISTS_ONLY.withLexicons(Lexicons.empty().with("en", "", "PERSONAL_ATTACK numpty"));

    Screening screening = suspectOnly.screen(ScreeningInput.of("what a numpty"));
    assertThat(screening.score(Category.PERSONAL_ATTACK)).isPositive();
    assertThat(screening.flagged()).isEmpty();
  }

  @Test
  void rejectsListLineWithUnknownCategoryNamingTheLine() {
    assertThatThrownBy(() -> Lexicons.empty().with("en", "PROFANITY darn\nRUDE word", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void appliesEachLanguageListOnlyToThatLanguage() {
    Screening turkish = LISTS_ONLY.screen(ScreeningInput.of("bu adam tam bir gerizekalı"));
    Screening persian = LISTS_ONLY.screen(ScreeningInput.of("هیچ کس نیامد"));

    assertThat(turkish.language()).isEqualTo("tr");
    assertThat(turkish.flagged()).contains(Category.PERSONAL_ATTACK);
    assertThat(persian.language()).isEqualTo("fa");
    assertThat(persian.flagged()).isEmpty();
  }

  @Test
  void shipsListsForEveryScreenedLanguage() {
    Lexicons shipped = Lexicons.shipped();
    for (String language : Lexicons.SHIPPED_LANGUAGES) {
      assertThat(shipped.size(language)).as(language).isPositive();
    }
  }
}
