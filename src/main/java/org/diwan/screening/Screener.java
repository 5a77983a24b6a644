package org.diwan.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.diwan.screening.internal.LinearModel;
import org.diwan.screening.internal.Pipeline;

/**
 * The screening engine: normalizes a comment, runs the detectors in a fixed order and combines what
 * they find into a {@link Screening}.
 *
 * <p>Immutable and thread-safe; share one instance. {@link #screen} never throws: a failing
 * detector yields a screening with {@code failed() == true} so the comment waits for a human.
 */
public final class Screener {

  /** Version of the engine's code; the model's version is appended in {@link #version()}. */
  public static final String ENGINE_VERSION = "screening-1";

  static final String MODEL_RESOURCE = "model.bin";

  private final LinearModel model;
  private final Lexicons lexicons;
  private final Pipeline pipeline;
  private final Verdict verdict;

  private Screener(LinearModel model, Lexicons lexicons) {
    this(model, lexicons, new Pipeline(model, lexicons.tables()));
  }

  Screener(LinearModel model, Lexicons lexicons, Pipeline pipeline) {
    this.model = model;
    this.lexicons = lexicons;
    this.pipeline = pipeline;
    this.verdict = new Verdict(model.thresholds());
  }

  /**
   * A screener over a given model, for the trainer and tests; the app uses {@link #loadDefault}.
   */
  public static Screener create(LinearModel model, Lexicons lexicons) {
    return new Screener(model, lexicons);
  }

  /** Loads the model and word lists shipped in the jar; throws if the model is missing. */
  public static Screener loadDefault() {
    try (InputStream in = Screener.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no screening model on the classpath: " + MODEL_RESOURCE);
      }
      return new Screener(LinearModel.read(in), Lexicons.shipped());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the screening model", e);
    }
  }

  /** A screener with the same model and {@code replacement} word lists. */
  public Screener withLexicons(Lexicons replacement) {
    return new Screener(model, replacement);
  }

  public Lexicons lexicons() {
    return lexicons;
  }

  /** The engine and model version recorded with every screening. */
  public String version() {
    return ENGINE_VERSION + "+" + model.version();
  }

  /** The operating threshold of {@code category}: it is flagged at or above this score. */
  public double threshold(Category category) {
    return model.thresholds().of(category);
  }

  /** Screens one comment; never throws, never returns null. */
  public Screening screen(ScreeningInput input) {
    try {
      Pipeline.Analysed analysed = pipeline.run(input);
      return verdict.decide(analysed.language(), analysed.findings(), version());
    } catch (Pipeline.StageFailed e) {
      return Verdict.failed(e.stage(), e.getCause(), version());
    } catch (RuntimeException | OutOfMemoryError e) {
      return Verdict.failed("verdict", e, version());
    }
  }
}
