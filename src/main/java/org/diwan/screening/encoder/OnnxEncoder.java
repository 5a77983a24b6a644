package org.diwan.screening.encoder;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A BERT-style sentence encoder run in process by ONNX Runtime through LangChain4j, from weights
 * and a tokenizer that ship in a jar. Each call runs on the caller's thread with one intra-op
 * thread, so a bounded pool of callers decides how many cores screening takes.
 *
 * <p>Thread-safe: ONNX Runtime sessions and the tokenizer may be shared.
 */
public final class OnnxEncoder implements Encoder {

  /**
   * The encoder that ships: E5-small-v2, 8-bit quantized, mean-pooled, reading each text as a
   * "query" as its authors advise for classification (see MODEL.md for the comparison).
   */
  public static final Spec SHIPPED =
      new Spec(
          "e5-small-v2-q",
          "/e5-small-v2-q.onnx",
          "/e5-small-v2-q-tokenizer.json",
          PoolingMode.MEAN,
          "query: ");

  /**
   * The encoders MODEL.md compares, by id; all but the shipped one are on the classpath only in the
   * {@code bench} profile (for {@code screening train --stage 2 --encoder ID}).
   */
  public static final List<Spec> CANDIDATES =
      List.of(
          SHIPPED,
          candidate("e5-small-v2", PoolingMode.MEAN, "query: "),
          candidate("bge-small-en-v1.5-q", PoolingMode.CLS, ""),
          candidate("all-minilm-l6-v2-q", PoolingMode.MEAN, ""),
          candidate("all-minilm-l6-v2", PoolingMode.MEAN, ""));

  private static Spec candidate(String id, PoolingMode pooling, String prefix) {
    return new Spec(id, "/" + id + ".onnx", "/" + id + "-tokenizer.json", pooling, prefix);
  }

  /**
   * The candidate called {@code id}.
   *
   * @throws IllegalArgumentException naming the candidates, when none is called {@code id}
   */
  public static Spec spec(String id) {
    return CANDIDATES.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown encoder "
                        + id
                        + "; known: "
                        + String.join(", ", CANDIDATES.stream().map(Spec::id).toList())));
  }

  /**
   * Where an encoder's files are and how it pools.
   *
   * @param id the name stored with heads trained on it
   * @param model classpath resource of the ONNX weights
   * @param tokenizer classpath resource of the Hugging Face tokenizer JSON
   * @param pooling how token vectors become one sentence vector
   * @param prefix prepended to every text (E5 expects {@code "query: "})
   */
  public record Spec(
      String id, String model, String tokenizer, PoolingMode pooling, String prefix) {}

  private final String id;
  private final String prefix;
  private final Model model;

  private OnnxEncoder(String id, String prefix, OnnxBertBiEncoder encoder) {
    this.id = id;
    this.prefix = prefix;
    this.model = new Model(encoder);
  }

  /**
   * Loads the encoder of {@code spec} from the classpath of {@code loader}.
   *
   * @throws Unavailable when a file is missing or unreadable, or ONNX Runtime cannot start
   */
  public static OnnxEncoder load(Spec spec, ClassLoader loader) throws Unavailable {
    byte[] weights = read(loader, spec.model());
    byte[] tokenizer = read(loader, spec.tokenizer());
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(weights, options);
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(
              environment, session, new ByteArrayInputStream(tokenizer), spec.pooling());
      return new OnnxEncoder(spec.id(), spec.prefix(), encoder);
    } catch (OrtException | RuntimeException | LinkageError e) {
      throw new Unavailable("cannot start encoder " + spec.id() + ": " + describe(e), e);
    }
  }

  private static byte[] read(ClassLoader loader, String resource) throws Unavailable {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new Unavailable("missing encoder file " + name, null);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new Unavailable("cannot read encoder file " + name, e);
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    String first = message == null ? "" : message.lines().findFirst().orElse("");
    if (first.length() > 160) {
      first = first.substring(0, 160);
    }
    return e.getClass().getSimpleName() + (first.isEmpty() ? "" : " (" + first + ")");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public float[] embed(String text) {
    return model.embed(prefix + text).content().vector();
  }

  /** LangChain4j's in-process model over our own session, embedding on the calling thread. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }

  /** The encoder cannot be used; the message says why. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
