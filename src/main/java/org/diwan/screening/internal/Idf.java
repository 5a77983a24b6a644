package org.diwan.screening.internal;

/**
 * Inverse document frequencies of word stems, hashed into a small table and quantized to a byte
 * (idf × 16), learned from the training texts. Unseen stems get the largest value. Thread-safe.
 */
public final class Idf {

  public static final int SIZE = 1 << 16;

  private final byte[] table;

  Idf(byte[] table) {
    this.table = table;
  }

  /** The stem a word is counted under: its first five characters. */
  public static String stem(String word) {
    return word.length() > 5 ? word.substring(0, 5) : word;
  }

  public static int slot(String stem) {
    return Featurizer.hash(stem) & (SIZE - 1);
  }

  public double of(String stem) {
    return (table[slot(stem)] & 0xFF) / 16.0;
  }

  /** Builds the table from document frequencies per slot over {@code documents} texts. */
  public static byte[] build(int[] documentFrequency, int documents) {
    byte[] table = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      double idf = Math.log((documents + 1.0) / (documentFrequency[i] + 1.0));
      table[i] = (byte) Math.min(255, Math.round(idf * 16));
    }
    return table;
  }
}
