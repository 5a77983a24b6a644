package org.diwan.screening.internal;

import java.util.ArrayList;
import java.util.List;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;
import org.diwan.screening.Evidence;

/**
 * What the detectors found in one comment, accumulated as they run: per-category scores combined by
 * noisy-OR, categories a banned word forces, abuse kinds, and candidate evidence spans.
 *
 * <p>One instance per {@code screen()} call; not thread-safe.
 */
public final class Findings {

  private static final int CATEGORIES = Category.values().length;

  private final double[] scores = new double[CATEGORIES];
  private final boolean[] forced = new boolean[CATEGORIES];
  private final double[] kinds = new double[AbuseKind.values().length];
  private final List<Evidence> evidence = new ArrayList<>();
  private final List<int[]> offensiveSpans = new ArrayList<>(2);
  private double offensive;

  /** Adds independent evidence of probability {@code p} for {@code category}. */
  public void raise(Category category, double p) {
    int i = category.ordinal();
    scores[i] = 1 - (1 - scores[i]) * (1 - clamp(p));
  }

  /** Marks {@code category} flagged whatever its threshold, as a banned word does. */
  public void force(Category category) {
    forced[category.ordinal()] = true;
  }

  public void kind(AbuseKind kind, double p) {
    kinds[kind.ordinal()] = Math.max(kinds[kind.ordinal()], clamp(p));
  }

  /** The model's probability that the comment breaks some guideline, whichever. */
  public void offensive(double p) {
    offensive = Math.max(offensive, clamp(p));
  }

  /** Adds independent evidence of probability {@code p} to the overall score (noisy-OR). */
  public void raiseOffensive(double p) {
    offensive = 1 - (1 - offensive) * (1 - clamp(p));
  }

  public void evidence(Category category, int start, int end) {
    evidence.add(new Evidence(category, start, end));
  }

  /** A span that made the model call the comment offensive, whichever guideline it breaks. */
  public void offensiveSpan(int start, int end) {
    offensiveSpans.add(new int[] {start, end});
  }

  public List<int[]> offensiveSpans() {
    return offensiveSpans;
  }

  public double score(Category category) {
    return scores[category.ordinal()];
  }

  public boolean forced(Category category) {
    return forced[category.ordinal()];
  }

  public double kind(AbuseKind kind) {
    return kinds[kind.ordinal()];
  }

  public double offensive() {
    return offensive;
  }

  public List<Evidence> evidence() {
    return evidence;
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }
}
