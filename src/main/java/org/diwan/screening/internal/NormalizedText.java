package org.diwan.screening.internal;

/**
 * A comment folded for matching: tokens separated by single spaces, each character mapped back to
 * the span of the original text it came from.
 *
 * <p>Immutable once built by {@link TextNormalizer}; safe to share between threads.
 */
public final class NormalizedText {

  private final String text;
  private final int[] origStart;
  private final int[] origEnd;
  private final int[] tokenStart;
  private final int[] tokenEnd;
  private final int tokenCount;

  NormalizedText(
      String text, int[] origStart, int[] origEnd, int[] tokenStart, int[] tokenEnd, int count) {
    this.text = text;
    this.origStart = origStart;
    this.origEnd = origEnd;
    this.tokenStart = tokenStart;
    this.tokenEnd = tokenEnd;
    this.tokenCount = count;
  }

  /** The folded text: tokens joined by one space. */
  public String text() {
    return text;
  }

  public int tokenCount() {
    return tokenCount;
  }

  /** Start of token {@code i} in {@link #text()}. */
  public int tokenStart(int i) {
    return tokenStart[i];
  }

  /** End (exclusive) of token {@code i} in {@link #text()}. */
  public int tokenEnd(int i) {
    return tokenEnd[i];
  }

  public String token(int i) {
    return text.substring(tokenStart[i], tokenEnd[i]);
  }

  /** Where tokens {@code first..last} (inclusive) start in the original text. */
  public int originalStart(int first) {
    return origStart[tokenStart[first]];
  }

  /** Where token {@code last} ends (exclusive) in the original text. */
  public int originalEnd(int last) {
    return origEnd[tokenEnd[last] - 1];
  }

  /** Original span of normalized character {@code i}. */
  public int charOriginalStart(int i) {
    return origStart[i];
  }

  public int charOriginalEnd(int i) {
    return origEnd[i];
  }
}
