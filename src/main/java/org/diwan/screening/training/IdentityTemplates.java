package org.diwan.screening.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Neutral sentences that only name identity groups, expanded from the templates and groups in
 * {@code identity/}: one template set trains the model not to treat group names as abuse, a
 * different set measures the false-positive rate.
 */
public final class IdentityTemplates {

  private IdentityTemplates() {}

  /** The sentences used as clean training examples. */
  public static List<String> training() {
    return expand("training-templates.txt");
  }

  /** The sentences of the bias check; never trained on. */
  public static List<String> evaluation() {
    return expand("evaluation-templates.txt");
  }

  private static List<String> expand(String templatesFile) {
    List<String> sentences = new ArrayList<>();
    List<String> groups = lines("groups.txt");
    for (String template : lines(templatesFile)) {
      for (String group : groups) {
        String[] forms = group.split("\\|");
        String aOne =
            ("aeiou".indexOf(Character.toLowerCase(forms[0].charAt(0))) >= 0 ? "an " : "a ")
                + forms[0];
        sentences.add(
            template
                .replace("{a_one}", aOne)
                .replace("{A_one}", capitalise(aOne))
                .replace("{many}", forms[1])
                .replace("{Many}", capitalise(forms[1])));
      }
    }
    return sentences;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static List<String> lines(String file) {
    try (InputStream in =
        IdentityTemplates.class.getResourceAsStream("/org/diwan/screening/identity/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing identity template resource " + file);
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
