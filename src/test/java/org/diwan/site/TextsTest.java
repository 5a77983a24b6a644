package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each edition's dates, digits and direction, as README's "Editions" documents them. */
class TextsTest {

  private static final Instant FIFTH_OF_DECEMBER = Instant.parse("2026-12-05T08:00:00Z");

  @AfterEach
  void restore() {
    Formats.configure(ZoneId.of("UTC"), "Diwan");
    Texts.configureDefault("en");
  }

  @Test
  void datesAreWrittenAsEachLanguagesNewsSitesWriteThem() {
    assertThat(Texts.of("en").date(FIFTH_OF_DECEMBER)).isEqualTo("5 December 2026");
    assertThat(Texts.of("tr").date(FIFTH_OF_DECEMBER)).isEqualTo("5 Aralık 2026");
    assertThat(Texts.of("kmr").date(FIFTH_OF_DECEMBER)).contains("2026").contains("5");
    assertThat(Texts.of("ar").date(FIFTH_OF_DECEMBER)).isEqualTo("5 كانون الأول 2026");
    assertThat(Texts.of("ckb").date(FIFTH_OF_DECEMBER)).isEqualTo("٥ی کانونی یەکەمی ٢٠٢٦");
    // Persian: the Solar Hijri calendar in Persian digits.
    assertThat(Texts.of("fa").date(FIFTH_OF_DECEMBER)).isEqualTo("۱۴ آذر ۱۴۰۵");
  }

  @Test
  void datesFollowTheSitesTimeZone() {
    Instant lateEvening = Instant.parse("2026-12-05T22:30:00Z");
    Formats.configure(ZoneId.of("Asia/Baghdad"), "Diwan");

    assertThat(Texts.of("en").date(lateEvening)).isEqualTo("6 December 2026");
    assertThat(Texts.of("en").dateTime(lateEvening)).contains("01:30");
  }

  @Test
  void numbersUseEachEditionsDigits() {
    assertThat(Texts.of("en").number(20_000)).isEqualTo("20,000");
    assertThat(Texts.of("ckb").number(12)).isEqualTo("١٢");
    assertThat(Texts.of("fa").number(12)).isEqualTo("۱۲");
    assertThat(Texts.of("ar").number(12)).isEqualTo("12");
  }

  @Test
  void directionsAndTheDefaultEdition() {
    assertThat(Texts.editions())
        .extracting(Texts::lang)
        .containsExactly("en", "ckb", "kmr", "ar", "fa", "tr");
    assertThat(Texts.editions())
        .extracting(Texts::dir)
        .containsExactly("ltr", "rtl", "ltr", "rtl", "rtl", "ltr");
    assertThat(Texts.of("en").home()).isEqualTo("/");
    assertThat(Texts.of("ckb").home()).isEqualTo("/ckb/");

    Texts.configureDefault("ckb");

    assertThat(Texts.of("xx").lang()).isEqualTo("ckb");
    assertThat(Texts.of("ckb").home()).isEqualTo("/");
    assertThat(Texts.of("en").home()).isEqualTo("/en/");
    assertThatThrownBy(() -> Texts.configureDefault("de"))
        .hasMessageContaining("DIWAN_DEFAULT_EDITION must be one of en, ckb, kmr, ar, fa, tr");
  }
}
