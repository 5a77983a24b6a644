package org.diwan.screening.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.diwan.screening.Category;
import org.junit.jupiter.api.Test;

class SecondStageModelTest {

  static SecondStageModel model(float weight) {
    HeadNetwork heads =
        new HeadNetwork(2, 0, 10, new float[0], new float[0], filled(20, weight), new float[10]);
    Stack stack = new Stack(0b0011, new double[] {1, 2, 0, 0}, -1, 0.4);
    return new SecondStageModel(
        "test-encoder",
        "screening-1+test",
        new double[Category.values().length],
        heads,
        Map.of(Category.THREAT, stack),
        stack,
        0.6,
        new double[] {0.5, 0.5, 0.5, 0.5},
        new Relevance.Calibration(0.3, 0.1),
        new float[] {0.1f, -0.1f});
  }

  @Test
  void readsBackWhatItWrites() throws IOException {
    SecondStageModel model = model(0.25f);

    SecondStageModel read = SecondStageModel.read(new ByteArrayInputStream(bytes(model)));

    assertThat(read.version()).isEqualTo(model.version()).startsWith("enc1-");
    assertThat(read.encoderId()).isEqualTo("test-encoder");
    assertThat(read.stacks()).containsOnlyKeys(Category.THREAT);
    assertThat(read.heads().logits(new float[] {1, 1})).containsOnly(0.5);
  }

  @Test
  void readsTheNearestFloorAndTakesHeadsOfTheFirstFormatAsFloorZero() throws IOException {
    SecondStageModel model = model(0.25f);
    assertThat(SecondStageModel.read(new ByteArrayInputStream(bytes(model))).nearestFloor())
        .isEqualTo(0.6);

    // The first format had no floor: the same body without its eight bytes, marked format 1.
    byte[] body = new GZIPInputStream(new ByteArrayInputStream(bytes(model))).readAllBytes();
    byte[] floor = ByteBuffer.allocate(8).putDouble(0.6).array();
    int at = indexOf(body, floor);
    assertThat(at).isPositive();
    ByteArrayOutputStream old = new ByteArrayOutputStream();
    old.write(body, 0, at);
    old.write(body, at + 8, body.length - at - 8);
    byte[] first = old.toByteArray();
    first[7] = 1;
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(zipped)) {
      zip.write(first);
    }

    SecondStageModel read = SecondStageModel.read(new ByteArrayInputStream(zipped.toByteArray()));

    assertThat(read.nearestFloor()).isZero();
    assertThat(read.kindThreshold(org.diwan.screening.AbuseKind.SEXISM)).isEqualTo(0.5);
    assertThat(read.center()).containsExactly(0.1f, -0.1f);
  }

  @Test
  void refusesAFloorOutsideZeroToOne() {
    assertThatThrownBy(() -> withFloor(1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withFloor(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void withFloor(double floor) {
    SecondStageModel m = model(0.25f);
    new SecondStageModel(
        m.encoderId(),
        m.firstStageVersion(),
        new double[Category.values().length],
        m.heads(),
        m.stacks(),
        m.overall(),
        floor,
        new double[] {0.5, 0.5, 0.5, 0.5},
        m.relevance(),
        m.center());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void changesVersionWithAnyWeight() {
    assertThat(model(0.25f).version()).isNotEqualTo(model(0.5f).version());
  }

  @Test
  void refusesATruncatedOrForeignFile() throws IOException {
    byte[] bytes = bytes(model(0.25f));

    assertThatThrownBy(
            () -> SecondStageModel.read(new ByteArrayInputStream(Arrays.copyOf(bytes, 40))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(
            () -> SecondStageModel.read(new ByteArrayInputStream("not a model".getBytes())))
        .isInstanceOf(IOException.class);
  }

  private static byte[] bytes(SecondStageModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  private static float[] filled(int n, float value) {
    float[] a = new float[n];
    Arrays.fill(a, value);
    return a;
  }
}
