package org.diwan.screening.training;

import java.util.Arrays;

/**
 * Binary classification figures at an operating point (precision, recall, F1, and those of the
 * negative class for macro-F1) plus ROC-AUC over the scores. Not thread-safe.
 */
final class Metrics {

  private double[] scores = new double[64];
  private boolean[] labels = new boolean[64];
  private int n;
  private int tp;
  private int fp;
  private int fn;
  private int tn;

  void add(double score, boolean predicted, boolean actual) {
    if (n == scores.length) {
      scores = Arrays.copyOf(scores, n * 2);
      labels = Arrays.copyOf(labels, n * 2);
    }
    scores[n] = score;
    labels[n] = actual;
    n++;
    if (predicted && actual) {
      tp++;
    } else if (predicted) {
      fp++;
    } else if (actual) {
      fn++;
    } else {
      tn++;
    }
  }

  int count() {
    return n;
  }

  int positives() {
    return tp + fn;
  }

  double precision() {
    return ratio(tp, tp + fp);
  }

  double recall() {
    return ratio(tp, tp + fn);
  }

  double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  /** F1 of the negative class. */
  double negativeF1() {
    return ratio(2 * tn, 2 * tn + fn + fp);
  }

  double macroF1() {
    return (f1() + negativeF1()) / 2;
  }

  double flaggedRate() {
    return ratio(tp + fp, n);
  }

  /** ROC-AUC by the rank-sum formula, ties counted half; NaN with a single class. */
  double auc() {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    int pos = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && scores[idx[j]] == scores[idx[i]]) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (labels[idx[k]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j;
    }
    int neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }
}
