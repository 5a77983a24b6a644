package org.diwan.article;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Diwan publishes articles in, each with the direction it is written in. An article's
 * language is one of these; its direction follows from it and is never chosen separately.
 */
public enum Language {
  EN("en", "English", TextDirection.LTR),
  CKB("ckb", "Sorani Kurdish · کوردی", TextDirection.RTL),
  KMR("kmr", "Kurmanji Kurdish · Kurmancî", TextDirection.LTR),
  AR("ar", "Arabic · العربية", TextDirection.RTL),
  FA("fa", "Persian · فارسی", TextDirection.RTL),
  TR("tr", "Turkish · Türkçe", TextDirection.LTR);

  private final String code;
  private final String label;
  private final TextDirection direction;

  Language(String code, String label, TextDirection direction) {
    this.code = code;
    this.label = label;
    this.direction = direction;
  }

  /** The BCP 47 code stored with the article and used in {@code lang} attributes. */
  public String code() {
    return code;
  }

  /** The name an editor picks from, in English and in the language itself. */
  public String label() {
    return label;
  }

  public TextDirection direction() {
    return direction;
  }

  /** The supported language with this code (case and surrounding spaces ignored), or empty. */
  public static Optional<Language> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
  }

  /** Every code, in the order editors see them: "en, ckb, kmr, ar, fa, tr". */
  public static String codes() {
    return String.join(", ", all().stream().map(Language::code).toList());
  }

  public static List<Language> all() {
    return List.of(values());
  }
}
