package org.diwan.screening.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Guesses a comment's language among those Diwan screens ("en", "tr", "kmr", "ar", "fa", "ckb"),
 * from letters unique to each language and a few very common words; "und" when it cannot tell.
 *
 * <p>Deliberately small: it only chooses which word lists apply. Stateless and thread-safe.
 */
public final class LanguageGuesser {

  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "you", "your", "is", "are", "was", "to", "of", "this", "that", "it", "in",
          "for", "i", "a", "he", "she", "they", "we", "be", "will", "not", "have", "has", "with",
          "on", "at", "my", "what", "who", "all", "do", "if", "know", "should", "his", "her");
  private static final Set<String> TURKISH =
      Set.of(
          "ve", "bir", "bu", "için", "icin", "çok", "cok", "ama", "gibi", "değil", "degil", "mi",
          "ile", "neden", "zaman", "yok", "var", "daha", "hâlâ", "hala", "olarak", "şey");
  // Kurmanji function words, also as typed without ê/î/û, which readers often drop. Words that are
  // also English ("we", "be", "re") are left out: English is the likelier writer of those.
  private static final Set<String> KURMANJI =
      Set.of(
          "ji", "bo", "ev", "li", "ser", "di", "bi", "ez", "xwe", "bû", "ye", "ku", "gelek", "pir",
          "spas", "dive", "divê", "û", "tu", "hat", "kir", "heye", "tune", "vê", "wê", "çi", "çima",
          "kengê", "jî", "bila", "dê", "sê", "xwes", "xweş", "em", "ew", "hîn", "nû", "bê", "ne",
          "hûn", "hun", "wan", "wî", "jê", "naxwe", "lê");
  private static final Set<String> SORANI =
      Set.of("زور", "بو", "سوپاس", "له", "بوو", "ئه", "ئەم", "هه", "موو", "ده", "نییە");
  private static final Set<String> PERSIAN =
      Set.of(
          "از", "این", "است", "را", "که", "با", "برای", "شما", "خیلی", "می", "هم", "باید", "درباره",
          "هستم", "بود", "کرد", "ما", "چرا", "کی", "دوباره", "ممنون", "بدهد", "شد", "نه");
  private static final Set<String> ARABIC =
      Set.of(
          "في", "من", "على", "هذا", "هذه", "الى", "إلى", "عن", "لا", "ما", "ان", "أن", "شكرا",
          "التي", "الذي", "مع", "كان", "هل", "لم", "قد");

  private LanguageGuesser() {}

  /** The language of {@code original}, or {@code fallback} (when non-null) if undecided. */
  public static String guess(String original, NormalizedText normalized, String fallback) {
    int latin = 0;
    int arabicScript = 0;
    int turkish = 0;
    int kurmanji = 0;
    int persian = 0;
    int sorani = 0;
    int arabic = 0;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c < 0x80) {
        latin += Character.isLetter(c) ? 1 : 0;
        // "xw" opens many Kurmanji words and almost no English or Turkish ones.
        boolean xw = (c == 'x' || c == 'X') && i + 1 < original.length();
        kurmanji += xw && (original.charAt(i + 1) | 0x20) == 'w' ? 1 : 0;
      } else if ("ğĞıİöÖüÜ".indexOf(c) >= 0) {
        turkish++;
        latin++;
      } else if ("êÊîÎûÛ".indexOf(c) >= 0) {
        kurmanji++;
        latin++;
      } else if (c >= 0x0600 && c <= 0x06FF) {
        arabicScript++;
        if ("ڕڵۆێەڤ".indexOf(c) >= 0) {
          sorani++;
        } else if ("پچژگیک".indexOf(c) >= 0) {
          persian++; // also Sorani's, which the words and letters above tell apart
        } else if ("ةيىكضظ".indexOf(c) >= 0) {
          arabic++;
        }
      } else if (Character.isLetter(c)) {
        latin += Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 1 : 0;
      }
    }
    int english = 0;
    int soraniWords = 0;
    for (String word : original.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.chars().anyMatch(Character::isDigit)) {
        continue;
      }
      english += ENGLISH.contains(word) ? 1 : 0;
      turkish += TURKISH.contains(word) ? 1 : 0;
      kurmanji += KURMANJI.contains(word) ? 1 : 0;
      soraniWords += SORANI.contains(word) ? 1 : 0;
      persian += PERSIAN.contains(word) ? 2 : 0;
      arabic += ARABIC.contains(word) ? 2 : 0;
    }
    if (arabicScript > latin) {
      if (sorani > 0 || soraniWords > 0) {
        return "ckb";
      }
      return persian > arabic ? "fa" : "ar";
    }
    if (latin == 0) {
      return fallback == null ? "und" : fallback;
    }
    if (kurmanji > turkish && kurmanji > english) {
      return "kmr";
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
