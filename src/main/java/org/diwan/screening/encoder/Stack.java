package org.diwan.screening.encoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The stacked model of one category: a logistic regression over a few signals from both stages,
 * fitted on the validation split, whose output is the combined, calibrated probability; and the
 * threshold at which that probability flags the category.
 *
 * @param mask which of the {@link #SIGNALS} signals it reads (bit i for signal i)
 * @param weights one weight per signal, 0 for those not read
 * @param bias the intercept
 * @param threshold flag at or above this probability
 */
public record Stack(int mask, double[] weights, double bias, double threshold) {

  /**
   * The signals a stack may read, in order: the first stage's score for the category, the encoder's
   * logit for it, the encoder's overall "breaks some guideline" logit, and the first stage's
   * highest violation score. Scores enter as logits.
   */
  public static final int SIGNALS = 4;

  public Stack {
    if (weights.length != SIGNALS || mask <= 0 || mask >= 1 << SIGNALS) {
      throw new IllegalArgumentException("bad stack " + mask + "/" + weights.length);
    }
    weights = weights.clone();
  }

  /** The combined probability for the signals of one comment. */
  public double probability(double[] signals) {
    double z = bias;
    for (int i = 0; i < SIGNALS; i++) {
      if ((mask & 1 << i) != 0) {
        z += weights[i] * signals[i];
      }
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The logit of a probability, kept finite. */
  public static double logit(double p) {
    double q = Math.max(1e-4, Math.min(1 - 1e-4, p));
    return Math.log(q / (1 - q));
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(mask);
    for (double w : weights) {
      out.writeDouble(w);
    }
    out.writeDouble(bias);
    out.writeDouble(threshold);
  }

  static Stack read(DataInput in) throws IOException {
    int mask = in.readInt();
    double[] weights = new double[SIGNALS];
    for (int i = 0; i < SIGNALS; i++) {
      weights[i] = finite(in.readDouble());
    }
    double bias = finite(in.readDouble());
    double threshold = finite(in.readDouble());
    try {
      return new Stack(mask, weights, bias, threshold);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static double finite(double v) throws IOException {
    if (!Double.isFinite(v)) {
      throw new IOException("stack weight is not a number");
    }
    return v;
  }
}
