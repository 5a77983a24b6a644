package org.diwan.screening.encoder;

/**
 * Turns a piece of text (one window, see {@link Windows}) into a unit-length sentence embedding.
 *
 * <p>Implementations are thread-safe. {@link #embed} may throw on a runtime failure of the encoder;
 * callers report that instead of passing it on.
 */
public interface Encoder {

  /** Names the encoder and its weights, e.g. {@code all-minilm-l6-v2-q}; stored with the heads. */
  String id();

  /** The embedding of {@code text}, which has at least one letter or digit. */
  float[] embed(String text);
}
