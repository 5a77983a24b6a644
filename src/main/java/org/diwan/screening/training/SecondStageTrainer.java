package org.diwan.screening.training;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;
import org.diwan.screening.ScreeningInput;
import org.diwan.screening.encoder.Encoder;
import org.diwan.screening.encoder.HeadNetwork;
import org.diwan.screening.encoder.Relevance;
import org.diwan.screening.encoder.SecondStageModel;

/**
 * Trains the second stage: heads on the English training split's embeddings ({@link HeadTrainer}),
 * stacks on the validation split against the shipped first stage ({@link StackTrainer}), and the
 * mean embedding that relevance is measured from. The test split is never read.
 */
public final class SecondStageTrainer {

  /** Datasets weigh at most this many training comments, as for the first stage. */
  static final int DATASET_CAP = 8000;

  private final HeadTrainer.Settings settings;
  private final int threads;
  private final double threatBeta;
  private final Consumer<String> log;

  public SecondStageTrainer(
      HeadTrainer.Settings settings, int threads, double threatBeta, Consumer<String> log) {
    this.settings = settings;
    this.threatBeta = threatBeta;
    this.threads = threads;
    this.log = log;
  }

  public SecondStageModel train(List<Example> examples, Encoder encoder, Screener first) {
    List<Example> train = EnglishData.of(examples, Split.TRAIN);
    List<Example> validation = EnglishData.of(examples, Split.VALIDATION);
    log.accept("embedding " + train.size() + " training and " + validation.size() + " validation");
    List<List<float[]>> trainWindows = EnglishData.embed(train, encoder, threads, log);
    List<List<float[]>> validationWindows = EnglishData.embed(validation, encoder, threads, log);

    Map<String, Integer> sizes = new HashMap<>();
    for (Example e : train) {
      sizes.merge(e.dataset(), 1, Integer::sum);
    }
    List<HeadTrainer.Row> rows = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      Example e = train.get(i);
      float weight = Math.min(1f, DATASET_CAP / (float) sizes.get(e.dataset()));
      rows.add(new HeadTrainer.Row(EnglishData.mean(trainWindows.get(i)), e.labels(), weight));
    }
    HeadNetwork heads = new HeadTrainer(settings, log).train(rows);

    List<StackTrainer.Item> items = new ArrayList<>();
    for (int i = 0; i < validation.size(); i++) {
      Example e = validation.get(i);
      Screening screening = first.screen(ScreeningInput.of(e.text()));
      items.add(
          new StackTrainer.Item(
              e.dataset(), screening, worst(heads, validationWindows.get(i)), e.labels()));
    }
    Map<Category, Double> firstThresholds = new EnumMap<>(Category.class);
    double[] thresholds = new double[Category.values().length];
    for (Category c : Category.values()) {
      thresholds[c.ordinal()] = first.threshold(c);
      firstThresholds.put(c, first.threshold(c));
    }
    StackTrainer.Fitted fitted = new StackTrainer(threatBeta, log).fit(items, firstThresholds);
    double[] kinds = new double[AbuseKind.values().length];
    java.util.Arrays.fill(kinds, 0.5);
    return new SecondStageModel(
        encoder.id(),
        first.version(),
        thresholds,
        heads,
        fitted.stacks(),
        fitted.overall(),
        fitted.nearestFloor(),
        kinds,
        Relevance.Calibration.DEFAULT,
        center(rows));
  }

  /** The heads' logits for a comment: the highest over its windows, as at run time. */
  public static double[] worst(HeadNetwork heads, List<float[]> windows) {
    double[] worst = null;
    for (float[] w : windows) {
      double[] logits = heads.logits(w);
      if (worst == null) {
        worst = logits;
      } else {
        for (int k = 0; k < logits.length; k++) {
          worst[k] = Math.max(worst[k], logits[k]);
        }
      }
    }
    return worst;
  }

  /** The mean of the training comments' embeddings, the origin relevance is measured from. */
  private static float[] center(List<HeadTrainer.Row> rows) {
    float[] center = new float[rows.get(0).x().length];
    for (HeadTrainer.Row row : rows) {
      for (int i = 0; i < center.length; i++) {
        center[i] += row.x()[i] / rows.size();
      }
    }
    return center;
  }
}
