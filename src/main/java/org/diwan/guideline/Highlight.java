package org.diwan.guideline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A text cut into runs, each marked with the guidelines its characters are evidence for, so a
 * template can highlight the words that triggered a flag while escaping everything.
 */
public final class Highlight {

  private Highlight() {}

  /** Characters {@code [start, end)} of the text (UTF-16 offsets) are evidence for {@code code}. */
  public record Span(GuidelineCode code, int start, int end) {}

  /** A run of text; {@code codes} is empty for text that is evidence of nothing. */
  public record Run(String text, Set<GuidelineCode> codes) {
    public boolean marked() {
      return !codes.isEmpty();
    }

    public String label() {
      return codes.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
  }

  /** The runs of {@code text} marked by {@code spans} (null or empty: one unmarked run). */
  public static List<Run> of(String text, List<Span> spans) {
    if (spans == null || spans.isEmpty()) {
      return List.of(new Run(text, Set.of()));
    }
    int n = text.length();
    List<Set<GuidelineCode>> marks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      marks.add(null);
    }
    for (Span span : spans) {
      for (int i = Math.max(0, span.start()); i < Math.min(n, span.end()); i++) {
        if (marks.get(i) == null) {
          marks.set(i, EnumSet.noneOf(GuidelineCode.class));
        }
        marks.get(i).add(span.code());
      }
    }
    List<Run> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= n; i++) {
      boolean boundary = i == n || !same(marks.get(i), marks.get(start));
      // Never split a surrogate pair between two runs.
      if (boundary && i < n && Character.isLowSurrogate(text.charAt(i))) {
        continue;
      }
      if (boundary) {
        Set<GuidelineCode> codes =
            marks.get(start) == null ? Set.of() : Set.copyOf(marks.get(start));
        runs.add(new Run(text.substring(start, i), codes));
        start = i;
      }
    }
    return runs;
  }

  private static boolean same(Set<GuidelineCode> a, Set<GuidelineCode> b) {
    return a == null ? b == null : a.equals(b);
  }
}
