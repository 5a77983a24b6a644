package org.diwan.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How search sees text, the same for what is indexed and what is asked: one spelling for the
 * letters that Arabic, Persian and Kurdish keyboards write differently (Arabic yeh and kaf and
 * their Persian forms, the hamza seats, Kurdish heh forms and the letters with a small v or ring
 * that are often typed without it), no vowel marks, tatweel or invisible joiners, Latin letters
 * without accents or case ("Şêx" and "sex"; Turkish dotless ı as i), and every kind of digit as
 * 0–9. Words are the runs of letters and digits left.
 */
public final class SearchText {

  /** The most words of a query searched for; more are left out. */
  public static final int MAX_TERMS = 8;

  private SearchText() {}

  /** {@code text} folded: what the index stores and queries are matched against. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.NON_SPACING_MARK
                  || type == Character.ENCLOSING_MARK
                  || type == Character.FORMAT
                  || c == 0x0640) {
                return; // vowel marks, hamza above and below, tatweel, joiners, bidi marks
              }
              int folded = letter(c);
              if (Character.isDigit(folded)) {
                out.append((char) ('0' + Character.digit(folded, 10)));
              } else {
                out.appendCodePoint(folded);
              }
            });
    return ARTICLE.matcher(out.toString().toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /**
   * The Arabic definite article, alone or after "and", at the start of a word of three letters
   * more: "المدرسة" is found by "مدرسة". Taken off index and query alike, so words that merely
   * begin with these letters still match themselves.
   */
  private static final Pattern ARTICLE =
      Pattern.compile("(?<![\\p{L}\\p{N}])\u0648?\u0627\u0644(?=[\\p{L}\\p{N}]{3})");

  private static int letter(int c) {
    return switch (c) {
      case 0x064A, 0x0649, 0x06CE, 0x06D0 -> 0x06CC; // Arabic yeh, alef maksura, Kurdish yeh → ی
      case 0x0643, 0x06AA -> 0x06A9; // Arabic kaf → ک
      case 0x0629, 0x06D5, 0x06BE, 0x06C1 -> 0x0647; // teh marbuta, Kurdish ae, heh forms → ه
      case 0x0695 -> 0x0631; // Kurdish rreh → ر
      case 0x06C6 -> 0x0648; // Kurdish oe, often typed as waw → و
      case 0x06B5 -> 0x0644; // Kurdish lll → ل
      case 0x0671 -> 0x0627; // alef wasla → ا
      case 0x0131 -> 'i'; // Turkish dotless i
      default -> c;
    };
  }

  /** The distinct words of a query, folded, in their order. */
  public static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    for (String word : words(fold(query))) {
      if (!terms.contains(word)) {
        terms.add(word);
      }
    }
    return terms;
  }

  /** The runs of letters and digits in already folded text. */
  public static List<String> words(String folded) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean inWord = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(folded.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  /** Whether a word of a text matches a term: a term of three letters or more matches as prefix. */
  public static boolean matches(String foldedWord, String term) {
    return term.length() >= 3 ? foldedWord.startsWith(term) : foldedWord.equals(term);
  }

  /** One piece of a text, to be shown marked when it matched the query. */
  public record Piece(String text, boolean marked) {}

  /**
   * {@code text} cut into pieces with the words matching {@code terms} marked, and shortened to
   * about {@code around} characters around the first match (the start when nothing matches).
   */
  public static List<Piece> highlight(String text, List<String> terms, int around) {
    List<int[]> marks = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int c = text.codePointAt(i);
      if (!isWordPart(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      while (i < n && isWordPart(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      String folded = fold(text.substring(start, i));
      for (String word : words(folded)) {
        if (terms.stream().anyMatch(t -> matches(word, t))) {
          marks.add(new int[] {start, i});
          break;
        }
      }
    }
    int from = 0;
    int to = n;
    if (around > 0 && n > around) {
      int first = marks.isEmpty() ? 0 : marks.get(0)[0];
      from = Math.max(0, first - around / 3);
      while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
        from--;
      }
      to = Math.min(n, from + around);
      while (to < n && !Character.isWhitespace(text.charAt(to))) {
        to++;
      }
    }
    List<Piece> pieces = new ArrayList<>();
    if (from > 0) {
      pieces.add(new Piece("… ", false));
    }
    int at = from;
    for (int[] mark : marks) {
      if (mark[1] <= from || mark[0] >= to) {
        continue;
      }
      if (mark[0] > at) {
        pieces.add(new Piece(text.substring(at, mark[0]), false));
      }
      pieces.add(new Piece(text.substring(Math.max(at, mark[0]), mark[1]), true));
      at = mark[1];
    }
    if (at < to) {
      pieces.add(new Piece(text.substring(at, to), false));
    }
    if (to < n) {
      pieces.add(new Piece(" …", false));
    }
    return pieces;
  }

  private static boolean isWordPart(int c) {
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c)
        || type == Character.NON_SPACING_MARK
        || type == Character.FORMAT
        || c == 0x0640;
  }
}
