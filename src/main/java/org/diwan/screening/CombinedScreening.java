package org.diwan.screening;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Both stages' verdict on one comment: the first stage's {@link Screening} as given, the second
 * stage's own scores, and the combined scores, flags and evidence a moderator sees.
 *
 * <p>Unless {@code outcome} is {@link SecondStageOutcome#SCORED}, the combined fields repeat the
 * first stage's and {@code note} says why. A combined score in {@code calibrated} is a probability
 * fitted on held-out data (see MODEL.md's reliability curve): only those may drive an automatic
 * decision. Other scores are on the first stage's per-code scales, or a hand-set rule (off-topic).
 *
 * @param first the first stage's screening, unchanged
 * @param outcome whether and why the second stage scored
 * @param note a short human-readable reason for an outcome other than SCORED; empty otherwise
 * @param encoder the encoder heads' own probability per category they score; empty unless SCORED
 * @param scores the combined score of every category
 * @param calibrated categories whose combined score is a calibrated probability
 * @param flagged categories the combined verdict flags
 * @param abuseKinds which groups an ABUSE flag targets; empty otherwise
 * @param evidence spans of the original text for flagged categories, ordered by start
 * @param version the first stage's version, "+", the second stage's (model and encoder)
 */
public record CombinedScreening(
    Screening first,
    SecondStageOutcome outcome,
    String note,
    Map<Category, Double> encoder,
    Map<Category, Double> scores,
    Set<Category> calibrated,
    Set<Category> flagged,
    Set<AbuseKind> abuseKinds,
    List<Evidence> evidence,
    String version) {

  /** Copies the collections so the record is immutable. */
  public CombinedScreening {
    encoder = Collections.unmodifiableMap(copy(encoder));
    scores = Collections.unmodifiableMap(copy(scores));
    calibrated = Collections.unmodifiableSet(enumSet(Category.class, calibrated));
    flagged = Collections.unmodifiableSet(enumSet(Category.class, flagged));
    abuseKinds = Collections.unmodifiableSet(enumSet(AbuseKind.class, abuseKinds));
    evidence = List.copyOf(evidence);
    note = note == null ? "" : note;
  }

  /** The first stage's verdict carried through unchanged, with the reason the second did not. */
  static CombinedScreening firstOnly(
      Screening first, SecondStageOutcome outcome, String note, String version) {
    return new CombinedScreening(
        first,
        outcome,
        note,
        Map.of(),
        first.scores(),
        Set.of(),
        first.flagged(),
        first.abuseKinds(),
        first.evidence(),
        version);
  }

  /** Whether the second stage read the comment. */
  public boolean scored() {
    return outcome == SecondStageOutcome.SCORED;
  }

  /** The combined score of one category, 0 when absent. */
  public double score(Category category) {
    return scores.getOrDefault(category, 0.0);
  }

  /** The highest combined score: the risk to order the moderation queue by. */
  public double risk() {
    return scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0.0);
  }

  private static EnumMap<Category, Double> copy(Map<Category, Double> map) {
    EnumMap<Category, Double> copy = new EnumMap<>(Category.class);
    copy.putAll(map);
    return copy;
  }

  private static <E extends Enum<E>> EnumSet<E> enumSet(Class<E> type, Set<E> values) {
    EnumSet<E> set = EnumSet.noneOf(type);
    set.addAll(values);
    return set;
  }
}
