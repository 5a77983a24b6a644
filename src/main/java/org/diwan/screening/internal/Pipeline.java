package org.diwan.screening.internal;

import java.util.List;
import java.util.Map;
import org.diwan.screening.ScreeningInput;

/**
 * The detectors in the order they run, over a comment normalized once. Immutable and thread-safe.
 */
public final class Pipeline {

  private final List<Detector> detectors;

  public Pipeline(LinearModel model, Map<String, LexiconTable> lexicons) {
    this(
        List.of(
            // 1. admin word lists: banned entries flag on their own
            new LexiconDetector(lexicons),
            // 2. trained linear model over word and character n-grams
            new ModelDetector(model),
            // 3. links, phone numbers, messenger contacts, money offers
            new PromotionDetector(),
            // 4. relevance to the article, only when its text is given
            new RelevanceDetector(model.idf())));
  }

  /** A pipeline of other detectors, for tests of failure handling. */
  public Pipeline(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** Runs every detector; a throwing stage surfaces as {@link StageFailed} naming it. */
  public Analysed run(ScreeningInput input) {
    String stage = "normalizer";
    try {
      NormalizedText normalized = TextNormalizer.normalize(input.text());
      stage = "language";
      String language = LanguageGuesser.guess(input.text(), normalized, input.articleLanguage());
      Analysis analysis = new Analysis(input, normalized, language);
      Findings findings = new Findings();
      for (Detector detector : detectors) {
        stage = detector.name();
        detector.detect(analysis, findings);
      }
      return new Analysed(language, findings);
    } catch (RuntimeException | StackOverflowError e) {
      throw new StageFailed(stage, e);
    }
  }

  /** The language found and what the detectors reported. */
  public record Analysed(String language, Findings findings) {}

  /** A detector (or normalization) threw; {@link #stage()} names it. */
  public static final class StageFailed extends RuntimeException {
    private final String stage;

    StageFailed(String stage, Throwable cause) {
      super(stage + " failed: " + cause.getClass().getSimpleName(), cause);
      this.stage = stage;
    }

    public String stage() {
      return stage;
    }
  }
}
