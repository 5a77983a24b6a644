package org.diwan.guideline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GuidelineCodeTest {

  @Test
  void hasTheSevenCodesOfTheGuidelines() {
    assertThat(GuidelineCode.values())
        .extracting(Enum::name)
        .containsExactly(
            "OFF_TOPIC",
            "PROFANITY",
            "VULGARITY",
            "THREAT",
            "PERSONAL_ATTACK",
            "ABUSE",
            "PROMOTION");
  }

  @Test
  void parsesNamesInAnyCase() {
    assertThat(GuidelineCode.parse(" personal_attack ")).contains(GuidelineCode.PERSONAL_ATTACK);
    assertThat(GuidelineCode.parse("RUDE")).isEmpty();
    assertThat(GuidelineCode.parse(null)).isEmpty();
  }

  @Test
  void storedListRoundTrips() {
    EnumSet<GuidelineCode> codes = EnumSet.of(GuidelineCode.THREAT, GuidelineCode.ABUSE);

    assertThat(GuidelineCode.toList(codes)).isEqualTo("THREAT,ABUSE");
    assertThat(GuidelineCode.fromList("THREAT,ABUSE")).isEqualTo(codes);
    assertThat(GuidelineCode.fromList("")).isEmpty();
  }
}
