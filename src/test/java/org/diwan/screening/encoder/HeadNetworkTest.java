package org.diwan.screening.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeadNetworkTest {

  private static float[] random(Random random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) random.nextGaussian();
    }
    return a;
  }

  private static HeadNetwork network(Random random, int inputs, int hidden, int outputs) {
    int width = hidden == 0 ? inputs : hidden;
    return new HeadNetwork(
        inputs,
        hidden,
        outputs,
        random(random, hidden * inputs),
        random(random, hidden),
        random(random, outputs * width),
        random(random, outputs));
  }

  @Test
  void anAveragedEnsembleGivesTheMeanOfItsMembersLogits() {
    Random random = new Random(7);
    for (int hidden : new int[] {0, 5}) {
      List<HeadNetwork> members =
          List.of(
              network(random, 6, hidden, 3),
              network(random, 6, hidden, 3),
              network(random, 6, hidden, 3));
      HeadNetwork averaged = HeadNetwork.average(members);
      for (int sample = 0; sample < 20; sample++) {
        float[] x = random(random, 6);
        double[] got = averaged.logits(x);
        for (int k = 0; k < 3; k++) {
          double mean = 0;
          for (HeadNetwork m : members) {
            mean += m.logits(x)[k] / members.size();
          }
          assertThat(got[k]).as("hidden %d, output %d", hidden, k).isCloseTo(mean, within(1e-4));
        }
      }
    }
  }

  @Test
  void refusesMembersOfDifferentShapes() {
    Random random = new Random(7);
    assertThatThrownBy(
            () -> HeadNetwork.average(List.of(network(random, 6, 5, 3), network(random, 6, 4, 3))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
