package org.diwan.screening;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The screener's verdict on one comment: a score in [0,1] per category, the categories flagged at
 * the model's operating thresholds, and the evidence spans that explain each flag.
 *
 * <p>When {@code failed} is true a detector threw: the scores are incomplete, {@code failure} names
 * the detector, and the comment must wait for a human.
 *
 * @param language detected language tag ("en", "tr", "ar", "fa", "ckb") or "und"
 * @param scores a score for every category (unmodifiable)
 * @param flagged categories whose score reached their threshold (unmodifiable)
 * @param abuseKinds which groups an {@link Category#ABUSE} flag targets; empty otherwise
 * @param evidence spans of the original text, ordered by start, for flagged categories only
 * @param version engine and model version
 * @param failed whether a detector threw
 * @param failure the failing detector's name and exception type, or null
 */
public record Screening(
    String language,
    Map<Category, Double> scores,
    Set<Category> flagged,
    Set<AbuseKind> abuseKinds,
    List<Evidence> evidence,
    String version,
    boolean failed,
    String failure) {

  /** Copies the collections so a screening is immutable. */
  public Screening {
    EnumMap<Category, Double> orderedScores = new EnumMap<>(Category.class);
    orderedScores.putAll(scores);
    scores = Collections.unmodifiableMap(orderedScores);
    flagged = Collections.unmodifiableSet(enumSet(Category.class, flagged));
    abuseKinds = Collections.unmodifiableSet(enumSet(AbuseKind.class, abuseKinds));
    evidence = List.copyOf(evidence);
  }

  private static <E extends Enum<E>> EnumSet<E> enumSet(Class<E> type, Set<E> values) {
    EnumSet<E> set = EnumSet.noneOf(type);
    set.addAll(values);
    return set;
  }

  /** The score of one category, 0 when absent. */
  public double score(Category category) {
    return scores.getOrDefault(category, 0.0);
  }

  /** The highest score over all categories: a risk to order the moderation queue by. */
  public double risk() {
    return scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
  }
}
