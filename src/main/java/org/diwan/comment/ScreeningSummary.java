package org.diwan.comment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.diwan.guideline.GuidelineCode;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;
import org.diwan.screening.CombinedScreening;
import org.diwan.screening.Evidence;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;

/**
 * What the screening engine said about a comment, as stored beside it: a score per guideline, the
 * guidelines it flagged, where in the text the evidence is (UTF-16 offsets into the comment as
 * stored), and whether screening failed, in which case the comment waits for a human like any other
 * and is marked SCREENING_FAILED.
 */
public record ScreeningSummary(
    String version,
    String language,
    double risk,
    Map<GuidelineCode, Double> scores,
    Set<GuidelineCode> flagged,
    List<Span> evidence,
    Set<String> abuseKinds,
    boolean failed,
    String failure,
    SecondStage secondStage) {

  /** A first stage's result, waiting for the second. */
  public ScreeningSummary(
      String version,
      String language,
      double risk,
      Map<GuidelineCode, Double> scores,
      Set<GuidelineCode> flagged,
      List<Span> evidence,
      Set<String> abuseKinds,
      boolean failed,
      String failure) {
    this(
        version,
        language,
        risk,
        scores,
        flagged,
        evidence,
        abuseKinds,
        failed,
        failure,
        SecondStage.PENDING);
  }

  /** The same result at another point of the second stage. */
  public ScreeningSummary withSecondStage(SecondStage state) {
    return new ScreeningSummary(
        version, language, risk, scores, flagged, evidence, abuseKinds, failed, failure, state);
  }

  /** One piece of evidence: the characters {@code [start, end)} that point at {@code code}. */
  public record Span(GuidelineCode code, int start, int end) {}

  public static ScreeningSummary failed(String version, String failure) {
    return new ScreeningSummary(
        version, "", 1.0, Map.of(), Set.of(), List.of(), Set.of(), true, failure);
  }

  /**
   * The result for a comment screened while the engine's model was not loaded: held for a human.
   */
  public static ScreeningSummary modelNotLoaded() {
    return failed(Screener.ENGINE_VERSION, "engine: model not loaded");
  }

  public static ScreeningSummary of(Screening screening) {
    return of(
        screening,
        screening.version(),
        screening.risk(),
        screening.scores(),
        screening.flagged(),
        screening.evidence(),
        screening.abuseKinds(),
        SecondStage.PENDING);
  }

  /**
   * Both stages' verdict as the moderator sees it: the combined scores, flags and evidence (the
   * first stage's when the second did not score), in state {@code state}.
   */
  public static ScreeningSummary of(CombinedScreening combined, SecondStage state) {
    return of(
        combined.first(),
        combined.version(),
        combined.risk(),
        combined.scores(),
        combined.flagged(),
        combined.evidence(),
        combined.abuseKinds(),
        state);
  }

  private static ScreeningSummary of(
      Screening first,
      String version,
      double risk,
      Map<Category, Double> categoryScores,
      Set<Category> categoriesFlagged,
      List<Evidence> evidence,
      Set<AbuseKind> kinds,
      SecondStage state) {
    Map<GuidelineCode, Double> scores = new EnumMap<>(GuidelineCode.class);
    categoryScores.forEach((category, score) -> scores.put(code(category), score));
    Set<GuidelineCode> flagged = EnumSet.noneOf(GuidelineCode.class);
    categoriesFlagged.forEach(category -> flagged.add(code(category)));
    List<Span> spans = new ArrayList<>();
    for (Evidence e : evidence) {
      spans.add(new Span(code(e.category()), e.start(), e.end()));
    }
    return new ScreeningSummary(
        version,
        first.language(),
        first.failed() ? 1.0 : risk,
        scores,
        flagged,
        spans,
        kinds.stream().map(Enum::name).collect(Collectors.toSet()),
        first.failed(),
        first.failure(),
        state);
  }

  /** The codes whose combined score is a calibrated probability. */
  public static Set<GuidelineCode> calibrated(CombinedScreening combined) {
    Set<GuidelineCode> codes = EnumSet.noneOf(GuidelineCode.class);
    combined.calibrated().forEach(category -> codes.add(code(category)));
    return codes;
  }

  /** The second stage's own scores in the stored text form. */
  public static String encoderScoresText(CombinedScreening combined) {
    Map<GuidelineCode, Double> scores = new EnumMap<>(GuidelineCode.class);
    combined.encoder().forEach((category, score) -> scores.put(code(category), score));
    return new ScreeningSummary(
            "", "", 0, scores, Set.of(), List.of(), Set.of(), false, null, SecondStage.SCORED)
        .scoresText();
  }

  private static GuidelineCode code(Category category) {
    return GuidelineCode.valueOf(category.name());
  }

  public double score(GuidelineCode code) {
    return scores.getOrDefault(code, 0.0);
  }

  // The stored text forms: "CODE=0.1234;…", "CODE:start-end;…". Written and read only here.

  public String scoresText() {
    return scores.entrySet().stream()
        .map(e -> e.getKey().name() + "=" + fourPlaces(e.getValue()))
        .collect(Collectors.joining(";"));
  }

  /**
   * {@code String.format(Locale.ROOT, "%.4f", value)} without a {@link java.util.Formatter}, which
   * cost more per submission than the insert it was for. Scores are probabilities, so anything
   * unusual goes the slow way.
   */
  static String fourPlaces(double value) {
    if (!(value >= 0 && value < 1_000_000)) {
      return String.format(Locale.ROOT, "%.4f", value);
    }
    long scaled = Math.round(value * 10_000);
    String fraction = Long.toString(scaled % 10_000);
    return scaled / 10_000 + "." + "0000".substring(fraction.length()) + fraction;
  }

  public String evidenceText() {
    return evidence.stream()
        .map(s -> s.code().name() + ":" + s.start() + "-" + s.end())
        .collect(Collectors.joining(";"));
  }

  public static Map<GuidelineCode, Double> parseScores(String text) {
    Map<GuidelineCode, Double> scores = new EnumMap<>(GuidelineCode.class);
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        GuidelineCode.parse(part.substring(0, eq))
            .ifPresent(c -> scores.put(c, Double.parseDouble(part.substring(eq + 1))));
      }
    }
    return scores;
  }

  public static List<Span> parseEvidence(String text) {
    List<Span> spans = new ArrayList<>();
    for (String part : text.split(";")) {
      int colon = part.indexOf(':');
      int dash = part.lastIndexOf('-');
      if (colon > 0 && dash > colon) {
        GuidelineCode.parse(part.substring(0, colon))
            .ifPresent(
                c ->
                    spans.add(
                        new Span(
                            c,
                            Integer.parseInt(part.substring(colon + 1, dash)),
                            Integer.parseInt(part.substring(dash + 1)))));
      }
    }
    return spans;
  }
}
