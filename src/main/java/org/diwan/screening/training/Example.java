package org.diwan.screening.training;

import java.util.Arrays;
import org.diwan.screening.internal.Head;

/**
 * One labelled text. {@code labels} holds, per {@link Head}, 1 (applies), 0 (does not) or -1 (the
 * dataset does not say); {@code tag} keeps a dataset's own class for its evaluation (e.g.
 * Davidson's 0/1/2); {@code context} is the article text where a dataset has one.
 */
public record Example(
    String dataset, String text, byte[] labels, Split split, int tag, String context) {

  public static final byte UNKNOWN = -1;

  public int label(Head head) {
    return labels[head.ordinal()];
  }

  /** Labels with every head unknown. */
  public static byte[] unknown() {
    byte[] labels = new byte[Head.COUNT];
    Arrays.fill(labels, UNKNOWN);
    return labels;
  }

  /** Labels saying nothing applies: a clean comment. */
  public static byte[] clean() {
    return new byte[Head.COUNT];
  }

  /** Sets {@code heads} to {@code value} in {@code labels}, returning it. */
  public static byte[] set(byte[] labels, int value, Head... heads) {
    for (Head h : heads) {
      labels[h.ordinal()] = (byte) value;
    }
    return labels;
  }
}
