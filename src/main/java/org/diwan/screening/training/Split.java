package org.diwan.screening.training;

import java.nio.charset.StandardCharsets;

/**
 * Which part of the data an example belongs to. The test part is never trained on nor used to tune
 * thresholds; validation is carved from the training part for threshold tuning.
 */
public enum Split {
  TRAIN,
  VALIDATION,
  TEST;

  /** 70/10/20 by a stable hash of the text, so a text always lands in the same split. */
  public static Split byText(String text) {
    int bucket = bucket(text);
    return bucket >= 80 ? TEST : bucket >= 70 ? VALIDATION : TRAIN;
  }

  /** For data whose official test set is kept apart: 88/12 train/validation. */
  public static Split trainOrValidation(String text) {
    return bucket(text) >= 88 ? VALIDATION : TRAIN;
  }

  /** A stable bucket in [0, 100) from the FNV-1a hash of the UTF-8 bytes. */
  public static int bucket(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.strip().getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return (int) Long.remainderUnsigned(h, 100);
  }
}
