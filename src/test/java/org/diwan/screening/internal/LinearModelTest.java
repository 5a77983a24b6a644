package org.diwan.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LinearModelTest {

  /** Random weights in every head and bucket, so a head or a feature left out shows. */
  private static final LinearModel MODEL = randomModel();

  @Property(tries = 200)
  void probabilitiesAreTheSigmoidOfEachHeadsSummedWeights(
      @ForAll @Size(max = 3000) List<@IntRange(max = Featurizer.BUCKETS - 1) Integer> buckets) {
    FeatureVector features = new FeatureVector(1);
    for (int bucket : buckets) {
      features.add(bucket, 0);
    }
    double[] p = new double[Head.COUNT];

    MODEL.probabilities(features, p);

    for (Head head : Head.values()) {
      double sum = 0;
      for (int i = 0; i < features.size(); i++) {
        sum += MODEL.weight(features, i, head);
      }
      double expected = LinearModel.sigmoid(bias(head.ordinal()) + sum * features.value());
      assertThat(p[head.ordinal()]).as(head.name()).isCloseTo(expected, within(1e-6));
    }
  }

  /** A different bias per head, so heads cannot stand in for one another. */
  private static float bias(int head) {
    return 0.25f * (head - 4);
  }

  private static LinearModel randomModel() {
    Random random = new Random(7);
    float[] weights = new float[Featurizer.BUCKETS * Head.COUNT];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    float[] biases = new float[Head.COUNT];
    for (int h = 0; h < Head.COUNT; h++) {
      biases[h] = bias(h);
    }
    return LinearModel.quantize(
        "random",
        weights,
        biases,
        new LinearModel.Thresholds(new double[5], 0.5, Map.of(), new double[4]),
        new byte[Idf.SIZE]);
  }
}
