package org.diwan.screening.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConcatEncoderTest {

  @Test
  void putsEachEncodersEmbeddingSideBySideAtUnitLength() throws OnnxEncoder.Unavailable {
    OnnxEncoder e5 = OnnxEncoder.load(OnnxEncoder.SHIPPED, getClass().getClassLoader());
    String text = "Who pays for the new bridge in Koya?";
    float[] alone = e5.embed(text);

    ConcatEncoder both = new ConcatEncoder(List.of(e5, e5));
    float[] joined = both.embed(text);

    assertThat(both.id()).isEqualTo("e5-small-v2-q+e5-small-v2-q");
    assertThat(joined).hasSize(2 * alone.length);
    double norm = 0;
    for (int i = 0; i < alone.length; i++) {
      assertThat(joined[i]).isCloseTo((float) (alone[i] / Math.sqrt(2)), within(1e-6f));
      assertThat(joined[alone.length + i]).isEqualTo(joined[i]);
    }
    for (float f : joined) {
      norm += f * f;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void anUnknownEncoderIsNamedWithTheKnownOnes() {
    assertThat(OnnxEncoder.spec("e5-small-v2-q")).isSameAs(OnnxEncoder.SHIPPED);
    assertThatThrownBy(() -> OnnxEncoder.spec("e5-large"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown encoder e5-large")
        .hasMessageContaining("bge-small-en-v1.5-q");
  }
}
