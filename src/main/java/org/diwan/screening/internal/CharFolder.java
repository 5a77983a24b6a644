package org.diwan.screening.internal;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Folds one code point at a time: NFKC, case folding, accents stripped from non-Arabic letters,
 * invisible format characters dropped; and maps Cyrillic or Greek look-alikes to Latin letters.
 *
 * <p>Folding is per code point so every output character keeps the span of its source; results for
 * the Basic Multilingual Plane are cached. Thread-safe: the cache holds immutable strings and a
 * racing thread at worst computes the same value twice.
 */
final class CharFolder {

  static final char ZWNJ = '\u200C';
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final String[] CACHE = new String[0x10000];
  private static final int CONFUSABLE_FROM = 0x0370;
  private static final int CONFUSABLE_TO = 0x0530;
  private static final char[] CONFUSABLE = buildConfusables();

  private CharFolder() {}

  /** The folded form of {@code cp}: empty when it should vanish, " " for any whitespace. */
  static String fold(int cp) {
    if (cp < 0x10000) {
      String cached = CACHE[cp];
      if (cached == null) {
        cached = compute(cp);
        CACHE[cp] = cached;
      }
      return cached;
    }
    return compute(cp);
  }

  static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** Arabic short vowels and similar marks: optional in writing, so dropped like accents. */
  static boolean isArabicHaraka(int cp) {
    return (cp >= 0x064B && cp <= 0x0652) || (cp >= 0x0656 && cp <= 0x065F) || cp == 0x0670;
  }

  static boolean isArabicScript(int cp) {
    return cp >= 0x0600 && UScript.getScript(cp) == UScript.ARABIC;
  }

  /** The Latin letter a Cyrillic or Greek letter is confusable with, or 0. */
  static char latinLookalike(char c) {
    return c >= CONFUSABLE_FROM && c < CONFUSABLE_TO ? CONFUSABLE[c - CONFUSABLE_FROM] : 0;
  }

  private static String compute(int cp) {
    if (cp == ZWNJ) {
      return String.valueOf(ZWNJ);
    }
    if (Character.isSurrogate((char) cp) && cp < 0x10000) {
      return ""; // a lone surrogate carries no text
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return " ";
    }
    int type = Character.getType(cp);
    if (type == Character.FORMAT
        || type == Character.CONTROL
        || type == Character.PRIVATE_USE
        || isMark(cp)
        || cp == 0x0640) { // tatweel only stretches Arabic words
      return "";
    }
    String folded = NFKC_CF.normalize(new String(Character.toChars(cp)));
    if (folded.isEmpty()) {
      return "";
    }
    if (isArabicScript(folded.codePointAt(0))) {
      return foldArabic(folded);
    }
    String decomposed = NFD.normalize(folded);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> !isMark(c) && Character.getType(c) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * Keeps Arabic-script letters whole (hamza, madda and Kurdish marks change the letter) but drops
   * short vowels and unifies the Arabic and Persian forms of yeh and kaf, which writers mix.
   */
  private static String foldArabic(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    folded
        .codePoints()
        .forEach(
            c -> {
              if (isArabicHaraka(c) || c == 0x0640) {
                return;
              }
              if (c == 0x064A || c == 0x0649) {
                out.append('\u06CC');
              } else if (c == 0x0643) {
                out.append('\u06A9');
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** Derives the look-alike map from ICU's confusable skeletons rather than a hand list. */
  private static char[] buildConfusables() {
    char[] map = new char[CONFUSABLE_TO - CONFUSABLE_FROM];
    SpoofChecker checker = new SpoofChecker.Builder().build();
    for (int cp = CONFUSABLE_FROM; cp < CONFUSABLE_TO; cp++) {
      if (!Character.isLowerCase(cp)) {
        continue;
      }
      String skeleton = checker.getSkeleton(new String(Character.toChars(cp)));
      if (skeleton.length() == 1) {
        char c = skeleton.charAt(0);
        if (c >= 'a' && c <= 'z') {
          map[cp - CONFUSABLE_FROM] = c;
        }
      }
    }
    return map;
  }
}
