package org.diwan.screening.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;
import org.diwan.screening.Lexicons;
import org.diwan.screening.ScreeningInput;
import org.diwan.screening.internal.Findings;
import org.diwan.screening.internal.Head;
import org.diwan.screening.internal.LinearModel;
import org.diwan.screening.internal.Pipeline;

/**
 * Chooses each operating threshold to maximise F1 on the {@link Split#VALIDATION} examples, over
 * the full detector pipeline's scores (model, word lists and rules together). The test split is
 * never seen here.
 */
public final class ThresholdTuner {

  private static final double LOWEST = 0.05;
  private static final double HIGHEST = 0.95;
  private static final double CATEGORY_FLOOR = 0.2;

  private final Consumer<String> log;

  public ThresholdTuner(Consumer<String> log) {
    this.log = log;
  }

  /** The same model with tuned thresholds. */
  public LinearModel tune(LinearModel model, List<Example> examples, Lexicons lexicons) {
    Pipeline pipeline = new Pipeline(model, lexicons.tables());
    List<Example> validation = new ArrayList<>();
    List<Findings> findings = new ArrayList<>();
    List<String> languages = new ArrayList<>();
    for (Example e : examples) {
      if (e.split() == Split.VALIDATION) {
        validation.add(e);
        Pipeline.Analysed analysed = pipeline.run(ScreeningInput.of(e.text()));
        findings.add(analysed.findings());
        languages.add(analysed.language());
      }
    }
    LinearModel.Thresholds defaults = LinearModel.Thresholds.defaults();
    double[] category = defaults.category().clone();
    for (Category c : Category.values()) {
      Head head = Head.of(c);
      if (head == null) {
        continue; // no labelled data: VULGARITY and OFF_TOPIC keep their calibrated defaults
      }
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < validation.size(); i++) {
        int label = validation.get(i).label(head);
        if (label >= 0) {
          pairs.add(new double[] {findings.get(i).score(c), label});
        }
      }
      // Group abuse is the gravest label: prefer precision (F0.5) so group names alone and
      // everyday swearing are not called abuse.
      double beta = c == Category.ABUSE ? 0.5 : 1.0;
      // A floor keeps weak heads (THREAT has few examples) from flagging nearly everything.
      category[c.ordinal()] = Math.max(CATEGORY_FLOOR, best(pairs, c.name(), beta));
    }
    Map<String, List<double[]>> overall = new TreeMap<>();
    for (int i = 0; i < validation.size(); i++) {
      int label = validation.get(i).label(Head.OFFENSIVE);
      if (label >= 0) {
        double[] pair = {findings.get(i).offensive(), label};
        overall.computeIfAbsent("", k -> new ArrayList<>()).add(pair);
        overall.computeIfAbsent(languages.get(i), k -> new ArrayList<>()).add(pair);
      }
    }
    double offensive = best(overall.get(""), "OFFENSIVE", 1.0);
    Map<String, Double> byLanguage = new TreeMap<>();
    for (Map.Entry<String, List<double[]>> e : overall.entrySet()) {
      // A language needs enough labelled comments of both kinds for its own threshold.
      long positives = e.getValue().stream().filter(p -> p[1] == 1).count();
      if (!e.getKey().isEmpty() && positives >= 50 && e.getValue().size() - positives >= 50) {
        byLanguage.put(e.getKey(), best(e.getValue(), "OFFENSIVE " + e.getKey(), 1.0));
      }
    }
    double[] kind = defaults.kind().clone();
    for (AbuseKind k : AbuseKind.values()) {
      Head head = Head.valueOf(k.name());
      List<double[]> pairs = new ArrayList<>();
      for (int i = 0; i < validation.size(); i++) {
        int label = validation.get(i).label(head);
        if (label >= 0 && validation.get(i).label(Head.ABUSE) == 1) {
          pairs.add(new double[] {findings.get(i).kind(k), label});
        }
      }
      kind[k.ordinal()] = Math.max(0.2, Math.min(0.8, best(pairs, k.name(), 1.0)));
    }
    return LinearModel.quantize(
        model, new LinearModel.Thresholds(category, offensive, byLanguage, kind));
  }

  /** The score threshold with the best F-beta over (score, label) pairs. */
  private double best(List<double[]> pairs, String name, double beta) {
    pairs.sort((a, b) -> Double.compare(b[0], a[0]));
    int positives = 0;
    for (double[] p : pairs) {
      positives += (int) p[1];
    }
    if (positives == 0) {
      return 0.5;
    }
    int tp = 0;
    double bestF1 = -1;
    double threshold = 0.5;
    for (int i = 0; i < pairs.size(); i++) {
      tp += (int) pairs.get(i)[1];
      boolean lastOfScore = i + 1 == pairs.size() || pairs.get(i + 1)[0] < pairs.get(i)[0];
      if (!lastOfScore) {
        continue;
      }
      double b2 = beta * beta;
      double f1 = (1 + b2) * tp / (i + 1 + b2 * positives);
      if (f1 > bestF1) {
        bestF1 = f1;
        double next = i + 1 < pairs.size() ? pairs.get(i + 1)[0] : 0;
        threshold = (pairs.get(i)[0] + next) / 2;
      }
    }
    threshold = Math.max(LOWEST, Math.min(HIGHEST, threshold));
    log.accept(
        String.format(
            "threshold %-16s %.3f (validation F1 %.3f, n=%d)",
            name, threshold, bestF1, pairs.size()));
    return threshold;
  }
}
