package org.diwan.screening.training;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.diwan.screening.encoder.HeadNetwork;
import org.diwan.screening.internal.Head;

/**
 * Trains the second stage's heads on frozen sentence embeddings: a shared hidden layer (ReLU; none
 * when {@code hidden} is 0) and one logistic output per {@link Head}, by mini-batch Adam on the
 * cross-entropy of the heads each example's dataset labels (label -1 gives no gradient), with L2 on
 * the weights. Deterministic: a seeded generator initialises and orders, one thread computes.
 */
public final class HeadTrainer {

  /** Settings; the defaults are what the shipped heads were trained with. */
  public record Settings(
      int hidden, int epochs, double learningRate, double l2, long seed, int members) {
    public static Settings defaults() {
      return new Settings(128, 12, 0.002, 1e-4, 20261204L, 3);
    }
  }

  /** One training row: an embedding, its labels per head and its weight. */
  public record Row(float[] x, byte[] labels, float weight) {}

  private static final int BATCH = 64;

  /**
   * Threats are few (ETHOS's violent hate, Diwan's written ones) among tens of thousands of
   * comments that are not: their positives weigh this much more. The stacks calibrate afterwards.
   */
  static final float THREAT_POSITIVES = 4f;

  private static final int THREAT = Head.THREAT.ordinal();

  private final Settings settings;
  private final Consumer<String> log;

  public HeadTrainer(Settings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  /**
   * Trains {@code members} networks from seeds {@code seed}, {@code seed + 1}, … and averages their
   * logits ({@link HeadNetwork#average}).
   */
  public HeadNetwork train(List<Row> rows) {
    List<HeadNetwork> members = new java.util.ArrayList<>();
    for (int m = 0; m < settings.members(); m++) {
      members.add(trainOne(rows, settings.seed() + m));
    }
    return members.size() == 1 ? members.get(0) : HeadNetwork.average(members);
  }

  private HeadNetwork trainOne(List<Row> rows, long seed) {
    int d = rows.get(0).x().length;
    int h = settings.hidden();
    int k = Head.COUNT;
    int width = h == 0 ? d : h;
    Random random = new Random(seed);
    float[][] p = {new float[h * d], new float[h], new float[k * width], new float[k]};
    init(p[0], d, random);
    init(p[2], width, random);
    float[][] m = {new float[p[0].length], new float[h], new float[p[2].length], new float[k]};
    float[][] v = {new float[p[0].length], new float[h], new float[p[2].length], new float[k]};
    float[][] g = {new float[p[0].length], new float[h], new float[p[2].length], new float[k]};
    int[] order = new int[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    float[] hidden = new float[width];
    float[] delta = new float[k];
    float[] back = new float[width];
    long step = 0;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      Trainer.shuffle(order, random);
      double loss = 0;
      for (int b = 0; b < order.length; b += BATCH) {
        for (float[] a : g) {
          java.util.Arrays.fill(a, 0);
        }
        int end = Math.min(order.length, b + BATCH);
        for (int r = b; r < end; r++) {
          Row row = rows.get(order[r]);
          float[] x = row.x();
          float[] in = x;
          if (h > 0) {
            for (int j = 0; j < h; j++) {
              double z = p[1][j];
              int base = j * d;
              for (int i = 0; i < d; i++) {
                z += p[0][base + i] * x[i];
              }
              hidden[j] = (float) Math.max(0, z);
            }
            in = hidden;
          }
          boolean any = false;
          for (int o = 0; o < k; o++) {
            byte label = row.labels()[o];
            if (label < 0) {
              delta[o] = 0;
              continue;
            }
            double z = p[3][o];
            int base = o * width;
            for (int j = 0; j < width; j++) {
              z += p[2][base + j] * in[j];
            }
            double prob = 1 / (1 + Math.exp(-z));
            float w = row.weight() * (label == 1 && o == THREAT ? THREAT_POSITIVES : 1f);
            loss -= w * (label == 1 ? Math.log(prob + 1e-9) : Math.log(1 - prob + 1e-9));
            delta[o] = (float) (prob - label) * w;
            any = true;
          }
          if (!any) {
            continue;
          }
          java.util.Arrays.fill(back, 0);
          for (int o = 0; o < k; o++) {
            if (delta[o] == 0) {
              continue;
            }
            g[3][o] += delta[o];
            int base = o * width;
            for (int j = 0; j < width; j++) {
              g[2][base + j] += delta[o] * in[j];
              back[j] += delta[o] * p[2][base + j];
            }
          }
          if (h > 0) {
            for (int j = 0; j < h; j++) {
              if (hidden[j] <= 0 || back[j] == 0) {
                continue;
              }
              g[1][j] += back[j];
              int base = j * d;
              for (int i = 0; i < d; i++) {
                g[0][base + i] += back[j] * x[i];
              }
            }
          }
        }
        step++;
        adam(p, g, m, v, step, end - b);
      }
      log.accept(String.format("heads epoch %d: loss %.4f", epoch + 1, loss / rows.size()));
    }
    return new HeadNetwork(d, h, k, p[0], p[1], p[2], p[3]);
  }

  private void adam(float[][] p, float[][] g, float[][] m, float[][] v, long step, int n) {
    double lr = settings.learningRate();
    double c1 = 1 - Math.pow(0.9, step);
    double c2 = 1 - Math.pow(0.999, step);
    for (int a = 0; a < p.length; a++) {
      boolean weights = a == 0 || a == 2;
      for (int i = 0; i < p[a].length; i++) {
        double grad = g[a][i] / n + (weights ? settings.l2() * p[a][i] : 0);
        m[a][i] = (float) (0.9 * m[a][i] + 0.1 * grad);
        v[a][i] = (float) (0.999 * v[a][i] + 0.001 * grad * grad);
        p[a][i] -= (float) (lr * (m[a][i] / c1) / (Math.sqrt(v[a][i] / c2) + 1e-8));
      }
    }
  }

  private static void init(float[] w, int fanIn, Random random) {
    double scale = Math.sqrt(2.0 / fanIn);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (random.nextGaussian() * scale);
    }
  }
}
