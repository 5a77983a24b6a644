package org.diwan.screening.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.diwan.screening.internal.Head;

/**
 * Training comments written for Diwan ({@code written-en.tsv}): threats in a news site's register,
 * explicit and implied, and clean comments that look like them (criticism, violent idioms, reports
 * of violence, groups named neutrally, praise, questions), which {@code ../shared/data} lacks. They
 * were written apart from the held-out evaluation sets and never copy them. Split 88/12 into train
 * and validation by the hash of the text; none is test.
 *
 * <p>Each line is {@code codes<TAB>text}; codes are {@code CLEAN} or a comma-separated list of
 * {@link Head} names that apply (which also mark the comment offensive); heads not listed stay
 * unknown, except that a clean comment is clean on every head.
 */
public final class WrittenExamples {

  public static final String DATASET = "diwan_written";
  static final String RESOURCE = "/org/diwan/screening/training/written-en.tsv";

  private WrittenExamples() {}

  public static List<Example> all() {
    List<Example> out = new ArrayList<>();
    for (String line : lines()) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalStateException("written example without a tab: " + line);
      }
      String codes = line.substring(0, tab).strip();
      String text = line.substring(tab + 1).strip();
      byte[] labels;
      int tag;
      if (codes.equals("CLEAN")) {
        labels = Example.clean();
        tag = 0;
      } else {
        labels = Example.set(Example.unknown(), 1, Head.OFFENSIVE);
        for (String code : codes.split(",")) {
          Example.set(labels, 1, Head.valueOf(code.strip()));
        }
        tag = 1;
      }
      out.add(new Example(DATASET, text, labels, Split.trainOrValidation(text), tag, null));
    }
    return out;
  }

  private static List<String> lines() {
    try (InputStream in = WrittenExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
