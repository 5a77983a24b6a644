package org.diwan.screening;

/**
 * A span of the original comment text that made the engine flag a category.
 *
 * @param start first UTF-16 index in the original text, inclusive
 * @param end last UTF-16 index in the original text, exclusive
 */
public record Evidence(Category category, int start, int end) {

  /** Checks that the span is well formed; never null category. */
  public Evidence {
    if (category == null || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad evidence span " + category + " " + start + ".." + end);
    }
  }
}
