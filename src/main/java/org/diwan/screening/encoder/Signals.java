package org.diwan.screening.encoder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.diwan.screening.Category;
import org.diwan.screening.Screening;
import org.diwan.screening.internal.Head;

/**
 * The inputs of a {@link Stack} for one comment, in the order {@link Stack#SIGNALS} names them,
 * from the first stage's screening and the encoder heads' logits (indexed by {@link Head}).
 */
public final class Signals {

  /** The codes counting as "breaks some guideline", as the first stage's verdict has them. */
  public static final Set<Category> VIOLATIONS =
      EnumSet.of(
          Category.PROFANITY,
          Category.VULGARITY,
          Category.THREAT,
          Category.PERSONAL_ATTACK,
          Category.ABUSE);

  private Signals() {}

  /**
   * The code the overall stack's agreement alone flags, or null: the code nearest its threshold,
   * but not THREAT, which its own score alone decides, and only when its score reaches {@code
   * floor} times its threshold, so a comment is never flagged for a code it shows next to nothing
   * of. The trainer and the screener both ask, so they decide alike.
   */
  public static Category agreementFlags(
      Map<Category, Stack> stacks, ToDoubleFunction<Category> score, double floor) {
    Category nearest = nearestToThreshold(stacks, score);
    Stack stack = stacks.get(nearest);
    boolean flags =
        nearest != Category.THREAT
            && (stack == null || score.applyAsDouble(nearest) >= floor * stack.threshold());
    return flags ? nearest : null;
  }

  /**
   * Whether a code needs the overall stack's agreement to be flagged, as in the first stage: the
   * violation codes except THREAT, whose head learned from threat-specific data (ETHOS violence and
   * Diwan's written threats) while the overall one is dominated by profanity-heavy tweets.
   */
  public static boolean needsAgreement(Category category) {
    return VIOLATIONS.contains(category) && category != Category.THREAT;
  }

  /** The signals for {@code category}, which has a {@link Head}. */
  public static double[] of(Category category, Screening first, double[] logits) {
    return new double[] {
      Stack.logit(first.score(category)),
      logits[Head.of(category).ordinal()],
      logits[Head.OFFENSIVE.ordinal()],
      Stack.logit(firstViolation(first))
    };
  }

  /** The signals for "breaks some guideline", whichever. */
  public static double[] overall(Screening first, double[] logits) {
    double strongest = Double.NEGATIVE_INFINITY;
    for (Category c : VIOLATIONS) {
      Head head = Head.of(c);
      if (head != null) {
        strongest = Math.max(strongest, logits[head.ordinal()]);
      }
    }
    double firstOverall = Stack.logit(firstViolation(first));
    return new double[] {firstOverall, logits[Head.OFFENSIVE.ordinal()], strongest, firstOverall};
  }

  /**
   * The violation code whose combined score is nearest its stack's threshold (the highest score
   * over threshold), which the overall stack's agreement alone would flag; PERSONAL_ATTACK when no
   * violation has a stack. The trainer and the screener both ask, so they decide alike.
   */
  public static Category nearestToThreshold(
      Map<Category, Stack> stacks, ToDoubleFunction<Category> score) {
    Category best = Category.PERSONAL_ATTACK;
    double bestRatio = -1;
    for (Category c : VIOLATIONS) {
      Stack stack = stacks.get(c);
      if (stack != null) {
        double ratio = score.applyAsDouble(c) / Math.max(1e-6, stack.threshold());
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = c;
        }
      }
    }
    return best;
  }

  /** The first stage's highest violation score: its overall judgement on its codes' scales. */
  public static double firstViolation(Screening first) {
    double max = 0;
    for (Category c : VIOLATIONS) {
      max = Math.max(max, first.score(c));
    }
    return max;
  }
}
