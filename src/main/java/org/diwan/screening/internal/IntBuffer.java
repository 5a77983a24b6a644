package org.diwan.screening.internal;

import java.util.Arrays;

/** A growable int array, so hot loops avoid boxing. Not thread-safe. */
final class IntBuffer {
  private int[] values;
  private int size;

  IntBuffer(int capacity) {
    values = new int[Math.max(4, capacity)];
  }

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  void set(int i, int v) {
    values[i] = v;
  }

  int get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
