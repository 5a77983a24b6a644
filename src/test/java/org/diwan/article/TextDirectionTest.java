package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDirectionTest {

  @Test
  void arabicScriptLanguagesAreRightToLeft() {
    for (String tag : new String[] {"ckb", "ar", "fa", "ar-IQ", "ku-Arab", "fa-IR"}) {
      assertThat(TextDirection.of(tag)).as(tag).isEqualTo(TextDirection.RTL);
    }
  }

  @Test
  void otherLanguagesAreLeftToRight() {
    for (String tag : new String[] {"en", "tr", "ku", "kmr", "de-CH", "", "not a tag"}) {
      assertThat(TextDirection.of(tag)).as(tag).isEqualTo(TextDirection.LTR);
    }
    assertThat(TextDirection.of(null)).isEqualTo(TextDirection.LTR);
  }

  @Test
  void givesHtmlDirValue() {
    assertThat(TextDirection.RTL.html()).isEqualTo("rtl");
  }
}
