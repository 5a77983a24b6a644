package org.diwan.screening.training;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.diwan.screening.internal.FeatureVector;
import org.diwan.screening.internal.Featurizer;
import org.diwan.screening.internal.Head;
import org.diwan.screening.internal.Idf;
import org.diwan.screening.internal.LinearModel;
import org.diwan.screening.internal.NormalizedText;
import org.diwan.screening.internal.TextNormalizer;

/**
 * Trains the multi-label logistic regression with AdaGrad on hashed features. A head learns only
 * from examples whose dataset labels it (label -1 means "not said" and gives no gradient).
 * Deterministic: a fixed seed orders the examples, and training is single-threaded.
 */
public final class Trainer {

  /** Settings; the defaults are what the shipped model was trained with. */
  public record Settings(int epochs, double learningRate, long seed) {
    public static Settings defaults() {
      return new Settings(5, 0.1, 20240611L);
    }
  }

  private static final int DATASET_CAP = 8000;

  private final Settings settings;
  private final Consumer<String> log;

  public Trainer(Settings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  /** Trains on the {@link Split#TRAIN} examples; thresholds are left at defaults for tuning. */
  public LinearModel train(List<Example> examples) {
    List<Example> train = new ArrayList<>();
    for (Example e : examples) {
      if (e.split() == Split.TRAIN) {
        train.add(e);
      }
    }
    // Large datasets would set the prior for their whole language (Davidson is 80% offensive
    // tweets): cap each dataset's total weight at that of DATASET_CAP examples.
    Map<String, Integer> sizes = new HashMap<>();
    for (Example e : train) {
      sizes.merge(e.dataset(), 1, Integer::sum);
    }
    float[] weight = new float[train.size()];
    for (int i = 0; i < train.size(); i++) {
      weight[i] = Math.min(1f, DATASET_CAP / (float) sizes.get(train.get(i).dataset()));
    }
    int[][] features = new int[train.size()][];
    int[] documentFrequency = new int[Idf.SIZE];
    for (int i = 0; i < train.size(); i++) {
      NormalizedText text = TextNormalizer.normalize(train.get(i).text());
      FeatureVector fv = Featurizer.extract(text);
      features[i] = new int[fv.size()];
      for (int f = 0; f < fv.size(); f++) {
        features[i][f] = fv.bucket(f);
      }
      countStems(text, documentFrequency);
    }
    log.accept("training on " + train.size() + " examples");
    int k = Head.COUNT;
    float[] w = new float[Featurizer.BUCKETS * k];
    float[] g2 = new float[w.length];
    float[] bias = new float[k];
    float[] biasG2 = new float[k];
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(settings.seed());
    float lr = (float) settings.learningRate();
    double[] z = new double[k];
    float[] grad = new float[k];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      shuffle(order, random);
      double loss = 0;
      for (int i : order) {
        int[] f = features[i];
        if (f.length == 0) {
          continue;
        }
        byte[] labels = train.get(i).labels();
        float v = (float) (1 / Math.sqrt(f.length));
        for (int h = 0; h < k; h++) {
          z[h] = bias[h];
        }
        for (int b : f) {
          int base = b * k;
          for (int h = 0; h < k; h++) {
            z[h] += w[base + h] * v;
          }
        }
        boolean any = false;
        for (int h = 0; h < k; h++) {
          if (labels[h] < 0) {
            grad[h] = 0;
            continue;
          }
          double p = 1 / (1 + Math.exp(-z[h]));
          loss -= labels[h] == 1 ? Math.log(p + 1e-9) : Math.log(1 - p + 1e-9);
          grad[h] = (float) (p - labels[h]) * weight[i];
          biasG2[h] += grad[h] * grad[h];
          bias[h] -= lr * grad[h] / (float) Math.sqrt(biasG2[h] + 1e-8);
          any = true;
        }
        if (!any) {
          continue;
        }
        for (int b : f) {
          int base = b * k;
          for (int h = 0; h < k; h++) {
            if (grad[h] != 0) {
              float g = grad[h] * v;
              g2[base + h] += g * g;
              w[base + h] -= lr * g / (float) Math.sqrt(g2[base + h] + 1e-8);
            }
          }
        }
      }
      log.accept(String.format("epoch %d: mean loss %.4f", epoch + 1, loss / train.size()));
    }
    byte[] idf = Idf.build(documentFrequency, train.size());
    LinearModel draft =
        LinearModel.quantize("draft", w, bias, LinearModel.Thresholds.defaults(), idf);
    return LinearModel.quantize(version(w, bias), w, bias, draft.thresholds(), idf);
  }

  private static void countStems(NormalizedText text, int[] documentFrequency) {
    Set<Integer> seen = new HashSet<>();
    for (int t = 0; t < text.tokenCount(); t++) {
      int slot = Idf.slot(Idf.stem(text.token(t)));
      if (seen.add(slot)) {
        documentFrequency[slot]++;
      }
    }
  }

  /** Fisher–Yates with the seeded generator, so every run visits examples in the same order. */
  static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** A version that changes whenever the weights do: a checksum of them. */
  private static String version(float[] w, float[] bias) {
    CRC32 crc = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocate(4 * (w.length + bias.length));
    buffer.asFloatBuffer().put(w).put(bias);
    crc.update(buffer.array());
    return String.format("lr%d-%08x", Featurizer.BITS, crc.getValue());
  }
}
