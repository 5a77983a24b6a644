package org.diwan.screening.internal;

import java.util.Arrays;

/**
 * The hashed features of one text: bucket indices with the token each came from; every feature has
 * value {@code 1/sqrt(size)} so long and short texts score on one scale. Not thread-safe.
 */
public final class FeatureVector {
  private int[] buckets;
  private int[] tokens;
  private int size;

  FeatureVector(int capacity) {
    buckets = new int[capacity];
    tokens = new int[capacity];
  }

  void add(int bucket, int token) {
    if (size == buckets.length) {
      buckets = Arrays.copyOf(buckets, size * 2);
      tokens = Arrays.copyOf(tokens, size * 2);
    }
    buckets[size] = bucket;
    tokens[size] = token;
    size++;
  }

  public int size() {
    return size;
  }

  public int bucket(int i) {
    return buckets[i];
  }

  public int token(int i) {
    return tokens[i];
  }

  /** The value every feature carries. */
  public float value() {
    return size == 0 ? 0f : (float) (1.0 / Math.sqrt(size));
  }
}
