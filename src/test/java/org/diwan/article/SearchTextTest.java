package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Search folds the spellings one word has in the scripts Diwan publishes in. */
class SearchTextTest {

  private static void same(String a, String b) {
    assertThat(SearchText.fold(a)).as("%s ~ %s", a, b).isEqualTo(SearchText.fold(b));
  }

  @Test
  void arabicVowelMarksTatweelAndHamzaSeatsAreLeftOut() {
    same("مَدْرَسَة", "مدرسة");
    same("الكتـــاب", "الكتاب");
    same("أحمد", "احمد");
    same("إسلام", "اسلام");
    same("آثار", "اثار");
    same("الكتاب", "كتاب");
    same("والمدرسة", "مدرسة");
    same("مسؤول", "مسوول");
  }

  @Test
  void arabicAndPersianFormsOfYehKafAndHehAreOneLetter() {
    same("كتاب", "کتاب"); // Arabic kaf, Persian keheh
    same("علي", "علی"); // Arabic yeh, Persian yeh
    same("مستشفى", "مستشفی"); // alef maksura
    same("مدرسة", "مدرسه"); // teh marbuta
    same("ﻛﺘﺎﺏ", "کتاب"); // presentation forms
  }

  @Test
  void kurdishLettersTypedWithoutTheirMarksMatch() {
    same("هەولێر", "هەولیر"); // yeh with small v
    same("بازاڕ", "بازار"); // rreh
    same("کاڵا", "کالا"); // lam with small v
    same("ئابووری", "ئابووري"); // Kurdish written with an Arabic keyboard's yeh
    same("ھەواڵ", "هەواڵ"); // heh doachashmee
    same("دهۆک", "دهوک"); // oe typed as waw
  }

  @Test
  void persianZeroWidthNonJoinerAndBidiMarksAreInvisible() {
    same("می‌شود", "میشود");
    same("\u200fتهران\u200e", "تهران");
  }

  @Test
  void latinAccentsCaseAndTurkishDotlessIFold() {
    same("Şêx", "sex");
    same("Çand", "cand");
    same("DİYARBAKIR", "diyarbakir");
    same("Işık", "isik");
    same("Zaxo", "zaxo");
  }

  @Test
  void everyKindOfDigitIsOneDigit() {
    same("٢٠٢٦", "2026");
    same("۱۴۰۵", "1405");
  }

  @Test
  void queriesAreWordsOnlySoNoSearchSyntaxGetsThrough() {
    assertThat(SearchText.terms("\"bazaar\" * NEAR(a b) -lanes OR x:* & !"))
        .containsExactly("bazaar", "near", "a", "b", "lanes", "or", "x");
    assertThat(SearchText.terms("\" * - ( ) : ^ ... ؟ ، «»")).isEmpty();
    assertThat(SearchText.terms("Dam dam DAM")).containsExactly("dam");
  }

  @Test
  void aTermOfThreeLettersOrMoreAlsoMatchesTheStartOfALongerWord() {
    assertThat(SearchText.matches("بازارەکە".transform(SearchText::fold), "بازار")).isTrue();
    assertThat(SearchText.matches("damage", "dam")).isTrue();
    assertThat(SearchText.matches("do", "d")).isFalse();
    assertThat(SearchText.matches("a", "a")).isTrue();
  }

  @Test
  void highlightMarksTheWordsAsWrittenWithTheirMarks() {
    List<SearchText.Piece> pieces =
        SearchText.highlight("بدأ بناءُ المَدْرَسَةِ الجديدة", SearchText.terms("مدرسة"), 0);

    assertThat(pieces).contains(new SearchText.Piece("المَدْرَسَةِ", true));
    assertThat(String.join("", pieces.stream().map(SearchText.Piece::text).toList()))
        .isEqualTo("بدأ بناءُ المَدْرَسَةِ الجديدة");
  }

  @Test
  void aLongTextIsCutAroundItsFirstMatch() {
    String text = "one two three ".repeat(40) + "needle " + "four five six ".repeat(40);
    List<SearchText.Piece> pieces = SearchText.highlight(text, List.of("needle"), 120);
    String shown = String.join("", pieces.stream().map(SearchText.Piece::text).toList());

    assertThat(pieces.get(0).text()).isEqualTo("… ");
    assertThat(pieces).contains(new SearchText.Piece("needle", true));
    assertThat(shown.length()).isLessThan(160);
    assertThat(shown).endsWith(" …");
  }
}
