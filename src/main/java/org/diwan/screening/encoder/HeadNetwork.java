package org.diwan.screening.encoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The heads over a sentence embedding: one logit per {@link org.diwan.screening.internal.Head},
 * from a small shared hidden layer (ReLU), or straight from the embedding when {@code hidden} is 0
 * (one logistic regression per head).
 *
 * <p>Immutable once built; {@link #logits} is thread-safe.
 */
public final class HeadNetwork {

  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final float[] w1;
  private final float[] b1;
  private final float[] w2;
  private final float[] b2;

  /**
   * Weights as the trainer leaves them; {@code w1} is {@code hidden × inputs} row-major and {@code
   * w2} is {@code outputs × (hidden, or inputs when hidden is 0)}.
   */
  public HeadNetwork(
      int inputs, int hidden, int outputs, float[] w1, float[] b1, float[] w2, float[] b2) {
    int width = hidden == 0 ? inputs : hidden;
    if (w1.length != hidden * inputs
        || b1.length != hidden
        || w2.length != outputs * width
        || b2.length != outputs) {
      throw new IllegalArgumentException("head weights do not match their shape");
    }
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
  }

  /**
   * The network whose logits are the mean of {@code members}' logits: their hidden layers side by
   * side and their output weights divided by their number (the output is linear in the hidden
   * units), so an ensemble runs as one network and is stored as one.
   */
  public static HeadNetwork average(java.util.List<HeadNetwork> members) {
    HeadNetwork first = members.get(0);
    int n = members.size();
    int hidden = first.hidden * n;
    int width = hidden == 0 ? first.inputs : hidden;
    float[] w1 = new float[hidden * first.inputs];
    float[] b1 = new float[hidden];
    float[] w2 = new float[first.outputs * width];
    float[] b2 = new float[first.outputs];
    for (int m = 0; m < n; m++) {
      HeadNetwork net = members.get(m);
      if (net.inputs != first.inputs
          || net.hidden != first.hidden
          || net.outputs != first.outputs) {
        throw new IllegalArgumentException("members of an ensemble must have one shape");
      }
      System.arraycopy(net.w1, 0, w1, m * net.w1.length, net.w1.length);
      System.arraycopy(net.b1, 0, b1, m * net.b1.length, net.b1.length);
      int own = net.hidden == 0 ? net.inputs : net.hidden;
      for (int k = 0; k < first.outputs; k++) {
        for (int j = 0; j < own; j++) {
          int to = hidden == 0 ? k * width + j : k * width + m * own + j;
          w2[to] += net.w2[k * own + j] / n;
        }
        b2[k] += net.b2[k] / n;
      }
    }
    return new HeadNetwork(first.inputs, hidden, first.outputs, w1, b1, w2, b2);
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  /** One logit per output for embedding {@code x}. */
  public double[] logits(float[] x) {
    if (x.length != inputs) {
      throw new IllegalArgumentException("embedding has " + x.length + " values, not " + inputs);
    }
    float[] h = x;
    if (hidden > 0) {
      h = new float[hidden];
      for (int j = 0; j < hidden; j++) {
        double z = b1[j];
        int row = j * inputs;
        for (int i = 0; i < inputs; i++) {
          z += w1[row + i] * x[i];
        }
        h[j] = (float) Math.max(0, z);
      }
    }
    double[] out = new double[outputs];
    int width = h.length;
    for (int k = 0; k < outputs; k++) {
      double z = b2[k];
      int row = k * width;
      for (int j = 0; j < width; j++) {
        z += w2[row + j] * h[j];
      }
      out[k] = z;
    }
    return out;
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(inputs);
    out.writeInt(hidden);
    out.writeInt(outputs);
    for (float[] a : new float[][] {w1, b1, w2, b2}) {
      for (float v : a) {
        out.writeFloat(v);
      }
    }
  }

  static HeadNetwork read(DataInput in) throws IOException {
    int inputs = in.readInt();
    int hidden = in.readInt();
    int outputs = in.readInt();
    if (inputs <= 0 || inputs > 4096 || hidden < 0 || hidden > 4096 || outputs <= 0) {
      throw new IOException("bad head shape " + inputs + "/" + hidden + "/" + outputs);
    }
    int width = hidden == 0 ? inputs : hidden;
    float[] w1 = floats(in, hidden * inputs);
    float[] b1 = floats(in, hidden);
    float[] w2 = floats(in, outputs * width);
    float[] b2 = floats(in, outputs);
    return new HeadNetwork(inputs, hidden, outputs, w1, b1, w2, b2);
  }

  private static float[] floats(DataInput in, int n) throws IOException {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readFloat();
      if (!Float.isFinite(a[i])) {
        throw new IOException("head weight is not a number");
      }
    }
    return a;
  }
}
