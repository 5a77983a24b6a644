package org.diwan.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.screening.internal.Findings;
import org.diwan.screening.internal.LinearModel;

/**
 * Turns detector findings into a {@link Screening}: applies the operating thresholds, falls back to
 * the likeliest guideline when the model finds a comment offensive without saying which, picks
 * abuse kinds, and keeps evidence only for flagged categories.
 */
final class Verdict {

  private static final Set<Category> VIOLATIONS =
      EnumSet.of(
          Category.PROFANITY,
          Category.VULGARITY,
          Category.THREAT,
          Category.PERSONAL_ATTACK,
          Category.ABUSE);

  private final LinearModel.Thresholds thresholds;

  Verdict(LinearModel.Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  Screening decide(String language, Findings findings, String version) {
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    Set<Category> flagged = EnumSet.noneOf(Category.class);
    double overall = findings.offensive();
    double overallThreshold = thresholds.offensive(language);
    for (Category c : Category.values()) {
      double score = findings.score(c);
      if (VIOLATIONS.contains(c) && !findings.forced(c)) {
        // A violation also needs the overall score's agreement: the per-code heads are trained
        // on less data and would otherwise over-flag.
        score = Math.min(score, lift(overall, overallThreshold, thresholds.of(c)));
      }
      if (findings.forced(c) || score >= thresholds.of(c)) {
        flagged.add(c);
      }
      scores.put(c, round(score));
    }
    List<Evidence> evidence = new ArrayList<>();
    if (disjoint(flagged)) {
      // The likeliest code carries the overall score, flagged or not, so the queue's risk order
      // follows the model's overall judgement also for languages whose code heads learned little.
      Category likeliest = likeliestViolation(findings);
      double t = thresholds.of(likeliest);
      double lifted = lift(overall, overallThreshold, t);
      if (overall >= overallThreshold) {
        flagged.add(likeliest);
        scores.put(likeliest, round(Math.max(t, lifted)));
        for (int[] span : findings.offensiveSpans()) {
          evidence.add(new Evidence(likeliest, span[0], span[1]));
        }
      } else if (round(lifted) > scores.get(likeliest)) {
        scores.put(likeliest, Math.min(round(lifted), belowThreshold(t)));
      }
    }
    for (Evidence e : findings.evidence()) {
      if (flagged.contains(e.category()) && !evidence.contains(e)) {
        evidence.add(e);
      }
    }
    evidence.sort(Comparator.comparingInt(Evidence::start).thenComparing(Evidence::category));
    Set<AbuseKind> kinds =
        flagged.contains(Category.ABUSE) ? kinds(findings) : EnumSet.noneOf(AbuseKind.class);
    return new Screening(language, scores, flagged, kinds, evidence, version, false, null);
  }

  /**
   * Maps the overall probability onto a category's scale: piecewise linear, with the overall
   * threshold landing exactly on the category's threshold, so order is kept.
   */
  static double lift(double overall, double overallThreshold, double categoryThreshold) {
    if (overall <= overallThreshold) {
      return categoryThreshold * overall / Math.max(1e-9, overallThreshold);
    }
    double above = (overall - overallThreshold) / Math.max(1e-9, 1 - overallThreshold);
    return categoryThreshold + (1 - categoryThreshold) * above;
  }

  static Screening failed(String stage, Throwable e, String version) {
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      scores.put(c, 0.0);
    }
    String failure = stage + ": " + e.getClass().getSimpleName();
    return new Screening("und", scores, Set.of(), Set.of(), List.of(), version, true, failure);
  }

  private static boolean disjoint(Set<Category> flagged) {
    for (Category c : VIOLATIONS) {
      if (flagged.contains(c)) {
        return false;
      }
    }
    return true;
  }

  /** The violation whose score is closest to (or furthest past) its own threshold. */
  private Category likeliestViolation(Findings findings) {
    Category best = Category.PERSONAL_ATTACK;
    double bestRatio = -1;
    for (Category c : VIOLATIONS) {
      double ratio = findings.score(c) / Math.max(1e-6, thresholds.of(c));
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = c;
      }
    }
    return best;
  }

  private Set<AbuseKind> kinds(Findings findings) {
    Set<AbuseKind> kinds = EnumSet.noneOf(AbuseKind.class);
    AbuseKind likeliest = null;
    for (AbuseKind k : AbuseKind.values()) {
      double p = findings.kind(k);
      if (p >= thresholds.kind()[k.ordinal()]) {
        kinds.add(k);
      }
      if (likeliest == null || p > findings.kind(likeliest)) {
        likeliest = k;
      }
    }
    // Abuse always names a kind when any is plausible, so the moderator sees a reason.
    if (kinds.isEmpty() && findings.kind(likeliest) >= 0.2) {
      kinds.add(likeliest);
    }
    return kinds;
  }

  /** The largest reported score that stays under {@code threshold}. */
  private static double belowThreshold(double threshold) {
    double below = Math.floor(threshold * 10000) / 10000.0;
    return below >= threshold ? below - 0.0001 : below;
  }

  private static double round(double score) {
    return Math.round(score * 10000) / 10000.0;
  }
}
