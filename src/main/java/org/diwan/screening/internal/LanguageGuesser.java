package org.diwan.screening.internal;

import java.util.Set;

/**
 * Guesses a comment's language among those Diwan screens ("en", "tr", "ar", "fa", "ckb"), from
 * letters unique to each language and a few very common words; "und" when it cannot tell.
 *
 * <p>Deliberately small: it only chooses which word lists apply. Stateless and thread-safe.
 */
public final class LanguageGuesser {

  private static final Set<String> ENGLISH =
      Set.of("the", "and", "you", "is", "are", "to", "of", "this", "that", "it", "in", "for");
  private static final Set<String> TURKISH =
      Set.of("ve", "bir", "bu", "icin", "cok", "ama", "gibi", "degil", "ne", "mi", "ile", "da");

  private LanguageGuesser() {}

  /** The language of {@code original}, or {@code fallback} (when non-null) if undecided. */
  public static String guess(String original, NormalizedText normalized, String fallback) {
    int latin = 0;
    int arabicScript = 0;
    int turkishLetters = 0;
    int persian = 0;
    int sorani = 0;
    int arabicOnly = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c < 0x80) {
        latin += Character.isLetter(c) ? 1 : 0;
      } else if ("ğĞşŞıİ".indexOf(c) >= 0) {
        turkishLetters++;
        latin++;
      } else if (c >= 0x0600 && c <= 0x06FF) {
        arabicScript++;
        if ("ڕڵۆێەڤ".indexOf(c) >= 0) {
          sorani++;
        } else if ("پچژگ".indexOf(c) >= 0) {
          persian++;
        } else if ("ةيىكضظ".indexOf(c) >= 0) {
          arabicOnly++;
        }
      } else if (Character.isLetter(c)) {
        latin += Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 1 : 0;
      }
    }
    if (arabicScript > latin) {
      if (sorani > 0) {
        return "ckb";
      }
      return persian > arabicOnly ? "fa" : "ar";
    }
    if (latin == 0) {
      return fallback == null ? "und" : fallback;
    }
    int english = 0;
    int turkish = turkishLetters;
    for (int t = 0; t < normalized.tokenCount(); t++) {
      int length = normalized.tokenEnd(t) - normalized.tokenStart(t);
      if (length > 5) {
        continue; // only short function words count
      }
      String token = normalized.token(t);
      english += ENGLISH.contains(token) ? 1 : 0;
      turkish += TURKISH.contains(token) ? 1 : 0;
    }
    if (turkish > english) {
      return "tr";
    }
    if (english > 0 || fallback == null) {
      return "en";
    }
    return fallback;
  }
}
