package org.diwan.screening.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;

/**
 * The trained multi-label logistic regression over hashed features: one weight row per {@link
 * Head}, stored as 16-bit fixed point with a scale per head; plus the operating thresholds and the
 * inverse document frequencies the relevance check uses.
 *
 * <p>Immutable after construction and thread-safe. The serialized form is gzip'd and versioned.
 */
public final class LinearModel {

  private static final String MAGIC = "diwan-screening-model/2";

  private final String version;
  private final short[] weights; // [bucket * Head.COUNT + head]
  private final float[] scales;
  private final float[] biases;
  private final Thresholds thresholds;
  private final byte[] idf;

  public LinearModel(
      String version,
      short[] weights,
      float[] scales,
      float[] biases,
      Thresholds thresholds,
      byte[] idf) {
    if (weights.length != Featurizer.BUCKETS * Head.COUNT || idf.length != Idf.SIZE) {
      throw new IllegalArgumentException("model shape does not match this engine");
    }
    this.version = version;
    this.weights = weights;
    this.scales = scales.clone();
    this.biases = biases.clone();
    this.thresholds = thresholds;
    this.idf = idf;
  }

  /** Quantizes trained float weights ({@code [bucket * Head.COUNT + head]}). */
  public static LinearModel quantize(
      String version, float[] weights, float[] biases, Thresholds thresholds, byte[] idf) {
    float[] scales = new float[Head.COUNT];
    for (int i = 0; i < weights.length; i++) {
      int h = i % Head.COUNT;
      scales[h] = Math.max(scales[h], Math.abs(weights[i]));
    }
    for (int h = 0; h < Head.COUNT; h++) {
      scales[h] = scales[h] == 0 ? 1 : scales[h] / Short.MAX_VALUE;
    }
    short[] q = new short[weights.length];
    for (int i = 0; i < weights.length; i++) {
      q[i] = (short) Math.round(weights[i] / scales[i % Head.COUNT]);
    }
    return new LinearModel(version, q, scales, biases, thresholds, idf);
  }

  /** The same weights with other thresholds. */
  public static LinearModel quantize(LinearModel model, Thresholds thresholds) {
    return new LinearModel(
        model.version, model.weights, model.scales, model.biases, thresholds, model.idf);
  }

  /** A model that scores everything 0: for tests and for engines without training. */
  public static LinearModel empty(String version) {
    return new LinearModel(
        version,
        new short[Featurizer.BUCKETS * Head.COUNT],
        new float[Head.COUNT],
        filled(-20f),
        Thresholds.defaults(),
        new byte[Idf.SIZE]);
  }

  public String version() {
    return version;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public Idf idf() {
    return new Idf(idf);
  }

  /** Sets each head's probability for {@code features} in {@code out} (length Head.COUNT). */
  public void probabilities(FeatureVector features, double[] out) {
    int n = features.size();
    long[] sums = new long[Head.COUNT];
    // Each feature's row is a random read across megabytes of weights. The first pass reads only
    // each row's first and last weight (its second cache line when it spans two) and nothing in
    // it waits for a read, so the processor keeps many misses in flight; the second pass then
    // finds the rows in cache. One pass over all heads took about twice as long in the server.
    int last = Head.COUNT - 1;
    long firstSum = 0;
    long lastSum = 0;
    for (int i = 0; i < n; i++) {
      int base = features.bucket(i) * Head.COUNT;
      firstSum += weights[base];
      lastSum += weights[base + last];
    }
    sums[0] = firstSum;
    sums[last] = lastSum;
    for (int i = 0; i < n; i++) {
      int base = features.bucket(i) * Head.COUNT;
      for (int h = 1; h < last; h++) {
        sums[h] += weights[base + h];
      }
    }
    float value = features.value();
    for (int h = 0; h < Head.COUNT; h++) {
      out[h] = sigmoid(biases[h] + sums[h] * scales[h] * value);
    }
  }

  /** The weight feature {@code i} contributes to {@code head}'s logit, before scaling by value. */
  public float weight(FeatureVector features, int i, Head head) {
    return weights[features.bucket(i) * Head.COUNT + head.ordinal()] * scales[head.ordinal()];
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  public void write(OutputStream out) throws IOException {
    try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
      data.writeUTF(MAGIC);
      data.writeUTF(version);
      data.writeInt(Featurizer.BITS);
      data.writeInt(Head.COUNT);
      for (int h = 0; h < Head.COUNT; h++) {
        data.writeUTF(Head.values()[h].name());
        data.writeFloat(scales[h]);
        data.writeFloat(biases[h]);
      }
      thresholds.write(data);
      data.write(idf);
      ByteBuffer buffer = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      buffer.asShortBuffer().put(weights);
      data.write(buffer.array());
    }
  }

  /** Reads a model written by {@link #write}; throws IOException if it is not one. */
  public static LinearModel read(InputStream in) throws IOException {
    try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
      if (!MAGIC.equals(data.readUTF())) {
        throw new IOException("not a screening model");
      }
      String version = data.readUTF();
      if (data.readInt() != Featurizer.BITS || data.readInt() != Head.COUNT) {
        throw new IOException("model shape does not match this engine");
      }
      float[] scales = new float[Head.COUNT];
      float[] biases = new float[Head.COUNT];
      for (int h = 0; h < Head.COUNT; h++) {
        if (!Head.values()[h].name().equals(data.readUTF())) {
          throw new IOException("model heads do not match this engine");
        }
        scales[h] = data.readFloat();
        biases[h] = data.readFloat();
      }
      Thresholds thresholds = Thresholds.read(data);
      byte[] idf = new byte[Idf.SIZE];
      data.readFully(idf);
      byte[] raw = new byte[Featurizer.BUCKETS * Head.COUNT * 2];
      data.readFully(raw);
      short[] weights = new short[Featurizer.BUCKETS * Head.COUNT];
      ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(weights);
      return new LinearModel(version, weights, scales, biases, thresholds, idf);
    }
  }

  private static float[] filled(float v) {
    float[] a = new float[Head.COUNT];
    Arrays.fill(a, v);
    return a;
  }

  /**
   * The operating thresholds: per category, for the overall "breaks some guideline" score (one per
   * language with labelled data, {@code offensive} otherwise), and per abuse kind.
   */
  public record Thresholds(
      double[] category, double offensive, Map<String, Double> offensiveByLanguage, double[] kind) {

    public Thresholds {
      offensiveByLanguage = Map.copyOf(offensiveByLanguage);
    }

    public static Thresholds defaults() {
      double[] c = new double[Category.values().length];
      Arrays.fill(c, 0.5);
      double[] k = new double[AbuseKind.values().length];
      Arrays.fill(k, 0.5);
      return new Thresholds(c, 0.5, Map.of(), k);
    }

    public double of(Category c) {
      return category[c.ordinal()];
    }

    /** The overall threshold for comments in {@code language}. */
    public double offensive(String language) {
      return offensiveByLanguage.getOrDefault(language, offensive);
    }

    void write(DataOutputStream out) throws IOException {
      out.writeInt(category.length);
      for (double t : category) {
        out.writeFloat((float) t);
      }
      out.writeFloat((float) offensive);
      Map<String, Double> sorted = new TreeMap<>(offensiveByLanguage);
      out.writeInt(sorted.size());
      for (Map.Entry<String, Double> e : sorted.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeFloat(e.getValue().floatValue());
      }
      out.writeInt(kind.length);
      for (double t : kind) {
        out.writeFloat((float) t);
      }
    }

    static Thresholds read(DataInputStream in) throws IOException {
      double[] c = new double[in.readInt()];
      for (int i = 0; i < c.length; i++) {
        c[i] = in.readFloat();
      }
      double offensive = in.readFloat();
      Map<String, Double> byLanguage = new TreeMap<>();
      for (int n = in.readInt(); n > 0; n--) {
        byLanguage.put(in.readUTF(), (double) in.readFloat());
      }
      double[] k = new double[in.readInt()];
      for (int i = 0; i < k.length; i++) {
        k[i] = in.readFloat();
      }
      return new Thresholds(c, offensive, byLanguage, k);
    }
  }
}
