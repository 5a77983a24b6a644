package org.diwan.article;

import java.util.Locale;
import java.util.Set;

/** The direction an article's language is written in. */
public enum TextDirection {
  LTR,
  RTL;

  private static final Set<String> RTL_LANGUAGES =
      Set.of("ar", "ckb", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv");

  /**
   * The direction of a BCP 47 language tag; an Arabic-script tag such as {@code ku-Arab} is RTL.
   */
  public static TextDirection of(String languageTag) {
    Locale locale = Locale.forLanguageTag(languageTag == null ? "" : languageTag);
    boolean rtl =
        RTL_LANGUAGES.contains(locale.getLanguage())
            || Set.of("Arab", "Hebr", "Thaa", "Syrc").contains(locale.getScript());
    return rtl ? RTL : LTR;
  }

  /** The value of an HTML {@code dir} attribute. */
  public String html() {
    return name().toLowerCase(Locale.ROOT);
  }
}
