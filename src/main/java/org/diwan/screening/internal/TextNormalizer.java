package org.diwan.screening.internal;

/**
 * Turns a comment into {@link NormalizedText}, undoing common evasions: Unicode look-alikes and
 * invisible characters (see {@link CharFolder}), leetspeak ({@code id10t}, {@code @ss}), masked
 * letters ({@code f*ck} keeps {@code *} as a wildcard), letters spaced out ({@code f u c k}, {@code
 * f.u.c.k}) and stretched ({@code fuuuuck} becomes {@code fuuck}; doubles are kept).
 *
 * <p>Runs in time linear in the input. Stateless and thread-safe.
 */
public final class TextNormalizer {

  private static final int SEP = 0;
  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int SYMBOL = 3;
  private static final int JOINER = 4;

  private TextNormalizer() {}

  /** Normalizes {@code original}; never null, never throws for any string. */
  public static NormalizedText normalize(String original) {
    Folded folded = fold(original);
    IntBuffer starts = new IntBuffer(64);
    IntBuffer ends = new IntBuffer(64);
    tokenize(folded, starts, ends);
    return emit(folded, starts, ends);
  }

  /** Pass 1: fold each code point, remembering the original span of every output character. */
  private static Folded fold(String original) {
    int length = original.length();
    StringBuilder chars = new StringBuilder(length);
    IntBuffer from = new IntBuffer(length);
    IntBuffer to = new IntBuffer(length);
    boolean previousArabic = false;
    for (int i = 0; i < length; ) {
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (CharFolder.isMark(cp)) {
        // Marks on Arabic-script letters can change the letter; elsewhere they are accents.
        if (previousArabic && !CharFolder.isArabicHaraka(cp)) {
          chars.appendCodePoint(cp);
          for (int k = Character.charCount(cp); k > 0; k--) {
            from.add(i);
            to.add(next);
          }
        }
        i = next;
        continue;
      }
      String f = CharFolder.fold(cp);
      if (f.length() == 1 && f.charAt(0) == CharFolder.ZWNJ && !previousArabic) {
        i = next; // a non-joiner only means something between Persian or Kurdish letters
        continue;
      }
      for (int k = 0; k < f.length(); k++) {
        chars.append(f.charAt(k));
        from.add(i);
        to.add(next);
      }
      if (!f.isEmpty()) {
        previousArabic = CharFolder.isArabicScript(f.codePointAt(0)) || f.charAt(0) == 0x200C;
      }
      i = next;
    }
    return new Folded(chars, from, to);
  }

  /** Pass 2: find token spans in the folded text, joining letters that were spaced out. */
  private static void tokenize(Folded f, IntBuffer starts, IntBuffer ends) {
    int n = f.chars.length();
    int runStart = -1; // first of a pending run of single-letter tokens
    int runEnd = -1;
    int runLength = 0;
    for (int i = 0; i < n; ) {
      if (classOf(f.chars.charAt(i)) == SEP) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && classOf(f.chars.charAt(j)) != SEP) {
        j++;
      }
      int s = trimStart(f.chars, i, j);
      int e = trimEnd(f.chars, s, j);
      i = j;
      if (s >= e) {
        continue;
      }
      boolean single = e - s == 1 && classOf(f.chars.charAt(s)) == LETTER;
      if (single && runLength > 0 && isSpacingGap(f.chars, runEnd, s)) {
        runEnd = e;
        runLength++;
        continue;
      }
      flushRun(runStart, runEnd, runLength, f, starts, ends);
      if (single) {
        runStart = s;
        runEnd = e;
        runLength = 1;
      } else {
        runLength = 0;
        starts.add(s);
        ends.add(e);
      }
    }
    flushRun(runStart, runEnd, runLength, f, starts, ends);
  }

  private static void flushRun(
      int start, int end, int length, Folded f, IntBuffer starts, IntBuffer ends) {
    if (length == 0) {
      return;
    }
    if (length >= 3) {
      starts.add(start);
      ends.add(end);
      return;
    }
    // One or two lone letters ("I", "a b") stay separate words.
    for (int k = start; k < end; k++) {
      if (classOf(f.chars.charAt(k)) == LETTER) {
        starts.add(k);
        ends.add(k + 1);
      }
    }
  }

  private static boolean isSpacingGap(CharSequence chars, int from, int to) {
    int gap = to - from;
    if (gap < 1 || gap > 2) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (" .-_,·/+".indexOf(chars.charAt(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int trimStart(CharSequence chars, int s, int e) {
    while (s < e) {
      int cls = classOf(chars.charAt(s));
      if (cls == LETTER || cls == DIGIT) {
        return s;
      }
      char c = chars.charAt(s);
      // "@ss" and "$$" open a word; "@" before a name or "!!!" do not.
      if ((c == '@' || c == '$') && s + 1 < e && "s$*".indexOf(chars.charAt(s + 1)) >= 0) {
        return s;
      }
      s++;
    }
    return s;
  }

  private static int trimEnd(CharSequence chars, int s, int e) {
    while (e > s) {
      int cls = classOf(chars.charAt(e - 1));
      if (cls == LETTER || cls == DIGIT) {
        return e;
      }
      if (chars.charAt(e - 1) == '$' && e - 1 > s && "s$".indexOf(chars.charAt(e - 2)) >= 0) {
        return e;
      }
      e--;
    }
    return e;
  }

  /** Pass 3: write tokens with leetspeak, look-alikes and stretching undone. */
  private static NormalizedText emit(Folded f, IntBuffer starts, IntBuffer ends) {
    int count = starts.size();
    StringBuilder out = new StringBuilder(f.chars.length() + 1);
    IntBuffer from = new IntBuffer(f.chars.length() + 1);
    IntBuffer to = new IntBuffer(f.chars.length() + 1);
    int[] tokenStart = new int[count];
    int[] tokenEnd = new int[count];
    for (int t = 0; t < count; t++) {
      int s = starts.get(t);
      int e = ends.get(t);
      if (t > 0) {
        int gapAt = f.to.get(ends.get(t - 1) - 1);
        out.append(' ');
        from.add(gapAt);
        to.add(gapAt);
      }
      tokenStart[t] = out.length();
      emitToken(f, s, e, out, from, to);
      tokenEnd[t] = out.length();
    }
    return new NormalizedText(
        out.toString(), from.toArray(), to.toArray(), tokenStart, tokenEnd, count);
  }

  private static void emitToken(
      Folded f, int s, int e, StringBuilder out, IntBuffer from, IntBuffer to) {
    int letters = 0;
    int digits = 0;
    boolean latin = false;
    for (int k = s; k < e; k++) {
      char c = f.chars.charAt(k);
      int cls = classOf(c);
      letters += cls == LETTER ? 1 : 0;
      digits += cls == DIGIT ? 1 : 0;
      latin |= c >= 'a' && c <= 'z';
    }
    boolean leet = letters > 0;
    boolean leetDigits = leet && digits <= letters;
    int tokenBegin = out.length();
    for (int k = s; k < e; k++) {
      char c = f.chars.charAt(k);
      int cls = classOf(c);
      if (cls == JOINER || cls == SEP) {
        continue; // apostrophes inside words, and the gaps of spaced-out letters
      }
      if (latin && CharFolder.latinLookalike(c) != 0) {
        c = CharFolder.latinLookalike(c);
      } else if (cls == DIGIT && leetDigits) {
        c = leetDigit(c);
      } else if (cls == SYMBOL && leet) {
        c = leetSymbol(c);
      }
      int len = out.length();
      if (len - tokenBegin >= 2 && out.charAt(len - 1) == c && out.charAt(len - 2) == c) {
        to.set(len - 1, f.to.get(k)); // a stretched letter: widen the kept one's span
        continue;
      }
      out.append(c);
      from.add(f.from.get(k));
      to.add(f.to.get(k));
    }
  }

  private static char leetDigit(char c) {
    switch (c) {
      case '0':
        return 'o';
      case '1':
        return 'i';
      case '3':
        return 'e';
      case '4':
        return 'a';
      case '5':
        return 's';
      case '7':
        return 't';
      case '8':
        return 'b';
      default:
        return c;
    }
  }

  private static char leetSymbol(char c) {
    switch (c) {
      case '@':
        return 'a';
      case '$':
        return 's';
      case '!':
      case '|':
        return 'i';
      default:
        return '*'; // a masked letter
    }
  }

  private static int classOf(char c) {
    if (Character.isLetter(c) || c == CharFolder.ZWNJ) {
      return LETTER;
    }
    if (Character.isDigit(c)) {
      return DIGIT;
    }
    if (CharFolder.isMark(c)) {
      return LETTER; // an Arabic-script mark kept in pass 1
    }
    switch (c) {
      case '@':
      case '$':
      case '!':
      case '|':
      case '*':
      case '#':
        return SYMBOL;
      case '\'':
      case '\u2019':
        return JOINER;
      default:
        return SEP;
    }
  }

  private record Folded(StringBuilder chars, IntBuffer from, IntBuffer to) {}
}
