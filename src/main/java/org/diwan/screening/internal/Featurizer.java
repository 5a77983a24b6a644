package org.diwan.screening.internal;

/**
 * Hashes a {@link NormalizedText} into feature buckets: word unigrams, word bigrams and character
 * 3- to 5-grams inside each word (with word-boundary marks), without building strings.
 *
 * <p>Long inputs are bounded: only the first {@link #MAX_TOKENS} tokens and the first {@link
 * #MAX_WORD_CHARS} characters of a word feed character n-grams. Stateless and thread-safe.
 */
public final class Featurizer {

  public static final int BITS = 20;
  public static final int BUCKETS = 1 << BITS;
  static final int MAX_TOKENS = 4000;
  static final int MAX_WORD_CHARS = 24;
  private static final int MASK = BUCKETS - 1;
  private static final int WORD = 0x1b873593;
  private static final int BIGRAM = 0x2c1b3c6d;
  private static final int CHARS = 0x297a2d39;

  private Featurizer() {}

  /** Extracts the features of {@code text}. */
  public static FeatureVector extract(NormalizedText text) {
    int tokens = Math.min(text.tokenCount(), MAX_TOKENS);
    FeatureVector out = new FeatureVector(tokens * 12 + 4);
    String s = text.text();
    int previous = 0;
    for (int t = 0; t < tokens; t++) {
      int start = text.tokenStart(t);
      int end = text.tokenEnd(t);
      int word = hash(s, start, end, WORD);
      out.add(bucket(word), t);
      if (t > 0) {
        out.add(bucket(mix(previous * 0x9E3779B1 ^ word ^ BIGRAM)), t);
      }
      previous = word;
      addCharGrams(s, start, Math.min(end, start + MAX_WORD_CHARS), t, out);
    }
    return out;
  }

  private static void addCharGrams(String s, int start, int end, int token, FeatureVector out) {
    // Positions start-1 and end stand for word-boundary marks.
    for (int p = start - 1; p < end; p++) {
      int h = CHARS;
      for (int n = 1; n <= 5 && p + n <= end + 1; n++) {
        int q = p + n - 1;
        char c = q < start ? '<' : q >= end ? '>' : s.charAt(q);
        h = (h ^ c) * 0x01000193;
        if (n >= 3) {
          out.add(bucket(mix(h + n)), token);
        }
      }
    }
  }

  private static int hash(String s, int start, int end, int seed) {
    int h = seed;
    for (int i = start; i < end; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    return mix(h ^ (end - start));
  }

  /** Hashes a string with the same function the features use, for side tables. */
  public static int hash(String s) {
    return hash(s, 0, s.length(), WORD);
  }

  private static int bucket(int h) {
    return h & MASK;
  }

  /** Murmur3's finalizer: spreads every input bit over the whole hash. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
