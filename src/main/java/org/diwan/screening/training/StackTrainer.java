package org.diwan.screening.training;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.diwan.screening.Category;
import org.diwan.screening.Screening;
import org.diwan.screening.encoder.Signals;
import org.diwan.screening.encoder.Stack;
import org.diwan.screening.internal.Head;

/**
 * Fits the stacked models on the {@link Split#VALIDATION} examples, where both stages' scores are
 * out of sample: per category, which signals to read (the set with the lowest 5-fold
 * cross-validated log-loss), the logistic weights, and the threshold (F1-optimal on the
 * cross-validated probabilities; F0.5 for ABUSE, the gravest label, so that group names alone are
 * not called abuse). THREAT reads the encoder alone: the encoder reads a long comment window by
 * window, the first stage reads it whole, and a threat in a long text would be diluted. The overall
 * threshold then maximises the mean, over English datasets, of each one's own validation figure,
 * together with the share of its threshold the nearest code must reach for the agreement alone to
 * flag it ({@link #NEAREST_FLOORS}). Datasets weigh at most {@link #DATASET_CAP} comments each, as
 * in training.
 */
public final class StackTrainer {

  /** One validation comment: its dataset, both stages' outputs and its labels. */
  public record Item(String dataset, Screening first, double[] logits, byte[] labels) {}

  /** What the stacks decide, ready for the model file. */
  public record Fitted(Map<Category, Stack> stacks, Stack overall, double nearestFloor) {}

  static final int DATASET_CAP = 800;
  private static final int FOLDS = 5;
  private static final double L2 = 1e-3;
  private static final double FLOOR = 0.2;

  /** Steps (of 0.01) either side a threshold's figure is averaged over. */
  static final int SMOOTHING = 3;

  private static final int[] MASKS = {0b0010, 0b0011, 0b0111, 0b1111};
  private static final String[] MASK_NAMES = {"encoder", "+first", "+enc-overall", "+first-max"};

  /** The floors tried for {@link Signals#agreementFlags}, in tenths: 0 to 0.9. */
  static final int NEAREST_FLOORS = 10;

  /** The F-beta THREAT's threshold is chosen by; 1 ships (2 was tried, see MODEL.md). */
  public static final double THREAT_BETA = 1.0;

  private final double threatBeta;
  private final Consumer<String> log;

  public StackTrainer(double threatBeta, Consumer<String> log) {
    this.threatBeta = threatBeta;
    this.log = log;
  }

  public Fitted fit(List<Item> items, Map<Category, Double> firstThresholds) {
    double[] weight = weights(items);
    Map<Category, Stack> stacks = new EnumMap<>(Category.class);
    Map<Category, double[]> outOfFold = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      Head head = Head.of(c);
      if (head == null) {
        continue;
      }
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).labels()[head.ordinal()] >= 0) {
          rows.add(i);
        }
      }
      double[][] x = new double[rows.size()][];
      for (int r = 0; r < rows.size(); r++) {
        Item item = items.get(rows.get(r));
        x[r] = Signals.of(c, item.first(), item.logits());
      }
      int[] masks = c == Category.THREAT ? new int[] {MASKS[0]} : MASKS;
      Choice choice = choose(c.name(), rows, x, head, items, weight, masks);
      double beta = c == Category.ABUSE ? 0.5 : c == Category.THREAT ? threatBeta : 1.0;
      double threshold =
          Math.max(FLOOR, bestThreshold(choice.oof, rows, head, items, weight, beta));
      stacks.put(c, new Stack(choice.mask, choice.w, choice.bias, threshold));
      double[] all = new double[items.size()];
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        all[i] = stacks.get(c).probability(Signals.of(c, item.first(), item.logits()));
      }
      outOfFold.put(c, all);
      log.accept(
          String.format(
              "stack %-16s reads %-13s threshold %.3f (n=%d)",
              c, MASK_NAMES[indexOf(choice.mask)], threshold, rows.size()));
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).labels()[Head.OFFENSIVE.ordinal()] >= 0) {
        rows.add(i);
      }
    }
    double[][] x = new double[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      x[r] = Signals.overall(items.get(rows.get(r)).first(), items.get(rows.get(r)).logits());
    }
    Choice overall = choose("OVERALL", rows, x, Head.OFFENSIVE, items, weight, MASKS);
    double[] p = new double[items.size()];
    for (int r = 0; r < rows.size(); r++) {
      p[rows.get(r)] = overall.oof[r];
    }
    double bestMean = -1;
    double threshold = 0.5;
    double floor = 0;
    for (int tenths = 0; tenths < NEAREST_FLOORS; tenths++) {
      double f = tenths / 10.0;
      double[] figures = new double[96];
      String[] details = new String[96];
      overallFigures(items, rows, p, stacks, outOfFold, firstThresholds, f, figures, details);
      int best = smoothedBest(figures);
      double smoothed = smoothed(figures, best);
      log.accept(
          String.format(
              "nearest floor %.1f: overall threshold %.2f, smoothed mean %.4f, mean %.3f%s",
              f, best / 100.0, smoothed, figures[best], details[best]));
      if (smoothed > bestMean + 1e-9) {
        bestMean = smoothed;
        threshold = best / 100.0;
        floor = f;
      }
    }
    log.accept(String.format("overall threshold %.2f, nearest floor %.1f", threshold, floor));
    return new Fitted(stacks, new Stack(overall.mask, overall.w, overall.bias, threshold), floor);
  }

  private record Choice(int mask, double[] w, double bias, double[] oof) {}

  private Choice choose(
      String name,
      List<Integer> rows,
      double[][] x,
      Head head,
      List<Item> items,
      double[] weight,
      int[] masks) {
    double[] y = new double[rows.size()];
    double[] wt = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      y[r] = items.get(rows.get(r)).labels()[head.ordinal()];
      wt[r] = weight[rows.get(r)];
    }
    Choice best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    StringBuilder report = new StringBuilder();
    for (int mask : masks) {
      double[] oof = new double[rows.size()];
      for (int fold = 0; fold < FOLDS; fold++) {
        double[] fitted = fitLogistic(x, y, wt, mask, fold);
        for (int r = fold; r < rows.size(); r += FOLDS) {
          oof[r] = predict(fitted, x[r], mask);
        }
      }
      double loss = 0;
      double total = 0;
      for (int r = 0; r < rows.size(); r++) {
        double q = Math.max(1e-6, Math.min(1 - 1e-6, oof[r]));
        loss -= wt[r] * (y[r] == 1 ? Math.log(q) : Math.log(1 - q));
        total += wt[r];
      }
      loss /= total;
      report.append(String.format(" %s %.4f", MASK_NAMES[indexOf(mask)], loss));
      if (loss < bestLoss - 1e-4) {
        bestLoss = loss;
        double[] fitted = fitLogistic(x, y, wt, mask, -1);
        double[] w = new double[Stack.SIGNALS];
        System.arraycopy(fitted, 0, w, 0, Stack.SIGNALS);
        best = new Choice(mask, w, fitted[Stack.SIGNALS], oof);
      }
    }
    log.accept("stack " + name + " cross-validated log-loss:" + report);
    return best;
  }

  /** Weighted L2 logistic regression by Newton's method; fold -1 fits on all rows. */
  static double[] fitLogistic(double[][] x, double[] y, double[] wt, int mask, int fold) {
    int n = Stack.SIGNALS + 1;
    double[] beta = new double[n];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] grad = new double[n];
      double[][] hess = new double[n][n];
      for (int r = 0; r < x.length; r++) {
        if (fold >= 0 && r % FOLDS == fold) {
          continue;
        }
        double[] f = features(x[r], mask);
        double z = 0;
        for (int i = 0; i < n; i++) {
          z += beta[i] * f[i];
        }
        double p = 1 / (1 + Math.exp(-z));
        double s = wt[r] * p * (1 - p);
        for (int i = 0; i < n; i++) {
          grad[i] += wt[r] * (p - y[r]) * f[i];
          for (int j = 0; j < n; j++) {
            hess[i][j] += s * f[i] * f[j];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        boolean used = i == Stack.SIGNALS || (mask & 1 << i) != 0;
        if (!used) {
          hess[i][i] = 1;
          grad[i] = 0;
        } else if (i < Stack.SIGNALS) {
          grad[i] += L2 * beta[i];
          hess[i][i] += L2;
        }
      }
      double[] step = solve(hess, grad);
      double change = 0;
      for (int i = 0; i < n; i++) {
        beta[i] -= step[i];
        change = Math.max(change, Math.abs(step[i]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    return beta;
  }

  private static double[] features(double[] signals, int mask) {
    double[] f = new double[Stack.SIGNALS + 1];
    for (int i = 0; i < Stack.SIGNALS; i++) {
      f[i] = (mask & 1 << i) != 0 ? signals[i] : 0;
    }
    f[Stack.SIGNALS] = 1;
    return f;
  }

  private static double predict(double[] beta, double[] signals, int mask) {
    double[] f = features(signals, mask);
    double z = 0;
    for (int i = 0; i < f.length; i++) {
      z += beta[i] * f[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Gaussian elimination with partial pivoting; the systems here are 5 by 5. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      if (Math.abs(m[c][c]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double factor = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= factor * m[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    }
    return x;
  }

  private double bestThreshold(
      double[] oof, List<Integer> rows, Head head, List<Item> items, double[] w, double beta) {
    double[] figures = new double[96];
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      double tp = 0;
      double fp = 0;
      double fn = 0;
      for (int r = 0; r < rows.size(); r++) {
        boolean actual = items.get(rows.get(r)).labels()[head.ordinal()] == 1;
        boolean predicted = oof[r] >= t;
        double wt = w[rows.get(r)];
        tp += predicted && actual ? wt : 0;
        fp += predicted && !actual ? wt : 0;
        fn += !predicted && actual ? wt : 0;
      }
      double b2 = beta * beta;
      figures[step] = (1 + b2) * tp / Math.max(1e-9, (1 + b2) * tp + b2 * fn + fp);
    }
    int best = smoothedBest(figures);
    log.accept(
        String.format(
            "threshold %-16s %.2f (validation F%.1f %.3f)",
            head, best / 100.0, beta, figures[best]));
    return best / 100.0;
  }

  /**
   * For each overall threshold from 0.05 to 0.95, with the nearest code's {@code floor}, fills in
   * {@code means} the mean, over the English datasets with both classes in validation, each
   * weighing as many comments as it has there up to {@link #DATASET_CAP} (so one Fox News thread
   * does not swing it), of each dataset's own headline figure for the decision: Davidson's 3-class
   * weighted F1 (hate as ABUSE, offensive as another code, neither), the macro-F1 of "any
   * violation" for the others.
   */
  private void overallFigures(
      List<Item> items,
      List<Integer> rows,
      double[] overall,
      Map<Category, Stack> stacks,
      Map<Category, double[]> codes,
      Map<Category, Double> firstThresholds,
      double floor,
      double[] means,
      String[] details) {
    Map<String, List<Integer>> byDataset = new LinkedHashMap<>();
    for (int i : rows) {
      byDataset.computeIfAbsent(items.get(i).dataset(), k -> new ArrayList<>()).add(i);
    }
    boolean[] coded = new boolean[items.size()];
    boolean[] forcedAbuse = new boolean[items.size()];
    boolean[] abuse = new boolean[items.size()];
    boolean[] nearestFlagged = new boolean[items.size()];
    for (int i : rows) {
      Item item = items.get(i);
      for (Category c : Signals.VIOLATIONS) {
        Stack stack = stacks.get(c);
        boolean forced =
            item.first().flagged().contains(c)
                && item.first().score(c) < firstThresholds.getOrDefault(c, 0.0);
        boolean passes = stack != null && codes.get(c)[i] >= stack.threshold();
        coded[i] |= forced || passes && !Signals.needsAgreement(c);
        coded[i] |= stack == null && item.first().flagged().contains(c);
        if (c == Category.ABUSE) {
          forcedAbuse[i] = forced;
          abuse[i] = passes;
        }
      }
      nearestFlagged[i] = Signals.agreementFlags(stacks, c -> codes.get(c)[i], floor) != null;
    }
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      double sum = 0;
      double datasets = 0;
      StringBuilder detail = new StringBuilder();
      for (Map.Entry<String, List<Integer>> e : byDataset.entrySet()) {
        int[][] confusion = new int[3][3];
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i : e.getValue()) {
          Item item = items.get(i);
          boolean actual = item.labels()[Head.OFFENSIVE.ordinal()] == 1;
          boolean agrees = overall[i] >= t;
          boolean predicted = coded[i] || agrees && nearestFlagged[i];
          tp += predicted && actual ? 1 : 0;
          fp += predicted && !actual ? 1 : 0;
          fn += !predicted && actual ? 1 : 0;
          tn += !predicted && !actual ? 1 : 0;
          int cls = forcedAbuse[i] || agrees && abuse[i] ? 0 : predicted ? 1 : 2;
          if (item.dataset().equals("davidson")) {
            int actualClass = !actual ? 2 : item.labels()[Head.ABUSE.ordinal()] == 1 ? 0 : 1;
            confusion[actualClass][cls]++;
          }
        }
        if (tp + fn == 0 || tn + fp == 0) {
          continue; // one class only: no macro-F1
        }
        double f1 = 2.0 * tp / (2 * tp + fp + fn);
        double f0 = 2.0 * tn / (2 * tn + fn + fp);
        double figure =
            e.getKey().equals("davidson") ? Evaluator.weightedF1(confusion) : (f1 + f0) / 2;
        double weight = Math.min(DATASET_CAP, e.getValue().size());
        sum += weight * figure;
        datasets += weight;
        detail.append(String.format(" %s %.3f", e.getKey(), figure));
      }
      means[step] = datasets == 0 ? 0 : sum / datasets;
      details[step] = detail.toString();
    }
  }

  /**
   * The step from 5 to 95 whose figure, averaged with its neighbours {@link #SMOOTHING} steps
   * either side, is highest. The curves are flat near their top, where a few validation comments
   * decide the raw maximum; the smoothed one moves less when the data change a little.
   */
  static int smoothedBest(double[] figures) {
    int best = 50;
    double bestFigure = -1;
    for (int step = 5; step <= 95; step++) {
      double figure = smoothed(figures, step);
      if (figure > bestFigure + 1e-9) {
        bestFigure = figure;
        best = step;
      }
    }
    return best;
  }

  /**
   * The figure at {@code step} averaged with its neighbours {@link #SMOOTHING} steps either side.
   */
  static double smoothed(double[] figures, int step) {
    double sum = 0;
    int n = 0;
    for (int k = Math.max(5, step - SMOOTHING); k <= Math.min(95, step + SMOOTHING); k++) {
      sum += figures[k];
      n++;
    }
    return sum / n;
  }

  private static double[] weights(List<Item> items) {
    Map<String, Integer> sizes = new HashMap<>();
    for (Item item : items) {
      sizes.merge(item.dataset(), 1, Integer::sum);
    }
    double[] w = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      w[i] = Math.min(1.0, DATASET_CAP / (double) sizes.get(items.get(i).dataset()));
    }
    return w;
  }

  private static int indexOf(int mask) {
    for (int i = 0; i < MASKS.length; i++) {
      if (MASKS[i] == mask) {
        return i;
      }
    }
    return 0;
  }
}
