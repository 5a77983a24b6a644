package org.diwan.screening.internal;

import java.util.Arrays;
import org.diwan.screening.Category;

/**
 * Scores the comment with the trained {@link LinearModel} and, for heads near their threshold,
 * names the words that weigh most: per token, the summed weight of its word and character n-grams,
 * kept when at least a third of the strongest token's.
 */
public final class ModelDetector implements Detector {

  private static final int MAX_EVIDENCE_TOKENS = 3;

  private final LinearModel model;

  public ModelDetector(LinearModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "model";
  }

  @Override
  public void detect(Analysis analysis, Findings findings) {
    NormalizedText text = analysis.normalized();
    if (text.tokenCount() == 0) {
      return;
    }
    FeatureVector features = Featurizer.extract(text);
    double[] p = new double[Head.COUNT];
    model.probabilities(features, p);
    LinearModel.Thresholds thresholds = model.thresholds();
    for (Head head : Head.values()) {
      double score = p[head.ordinal()];
      if (head.category() != null) {
        findings.raise(head.category(), score);
        if (score >= thresholds.of(head.category()) * 0.8) {
          explain(text, features, head, findings);
        }
      } else if (head.kind() != null) {
        findings.kind(head.kind(), score);
      } else {
        findings.raiseOffensive(score);
        if (score >= thresholds.offensive(analysis.language()) * 0.8) {
          explain(text, features, head, findings);
        }
      }
    }
  }

  private void explain(NormalizedText text, FeatureVector features, Head head, Findings findings) {
    int tokens = Math.min(text.tokenCount(), Featurizer.MAX_TOKENS);
    float[] weight = new float[tokens];
    for (int i = 0; i < features.size(); i++) {
      weight[features.token(i)] += model.weight(features, i, head);
    }
    int[] best = new int[MAX_EVIDENCE_TOKENS];
    Arrays.fill(best, -1);
    for (int t = 0; t < tokens; t++) {
      for (int b = 0; b < best.length; b++) {
        if (best[b] < 0 || weight[t] > weight[best[b]]) {
          System.arraycopy(best, b, best, b + 1, best.length - b - 1);
          best[b] = t;
          break;
        }
      }
    }
    if (best[0] < 0 || weight[best[0]] <= 0) {
      return;
    }
    float floor = weight[best[0]] / 3;
    for (int t : best) {
      if (t >= 0 && weight[t] >= floor && weight[t] > 0) {
        int start = text.originalStart(t);
        int end = text.originalEnd(t);
        Category category = head.category();
        if (category != null) {
          findings.evidence(category, start, end);
        } else {
          findings.offensiveSpan(start, end);
        }
      }
    }
  }
}
