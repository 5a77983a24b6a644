package org.diwan.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;

/**
 * One language's banned and suspect words and phrases, compiled for matching against {@link
 * NormalizedText} tokens. Entries are normalized like comments, so a list entry {@code id10t} and a
 * comment's {@code idiot} agree. Immutable and thread-safe.
 *
 * <p>Text format, one entry per line: {@code CATEGORY[:KIND] word or phrase}; a final {@code *}
 * matches any ending ({@code fuck*}); blank lines and lines starting with {@code #} are ignored.
 */
public final class LexiconTable {

  /** A compiled list entry. */
  public record Entry(
      Category category,
      AbuseKind kind,
      boolean banned,
      String[] words,
      String[] squeezedWords,
      boolean prefix) {}

  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  private final Map<String, List<Entry>> prefixedByStart = new HashMap<>();
  private final List<Entry> all = new ArrayList<>();

  /** Parses banned and suspect list texts; throws IllegalArgumentException naming a bad line. */
  public static LexiconTable parse(String bannedText, String suspectText) {
    LexiconTable table = new LexiconTable();
    table.addAll(bannedText, true);
    table.addAll(suspectText, false);
    return table;
  }

  public int size() {
    return all.size();
  }

  private void addAll(String text, boolean banned) {
    if (text == null) {
      return;
    }
    String[] lines = text.split("\r?\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      add(parseLine(line, n + 1, banned));
    }
  }

  private static Entry parseLine(String line, int number, boolean banned) {
    int space = line.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("line " + number + ": expected CATEGORY and a word");
    }
    String label = line.substring(0, space).toUpperCase(Locale.ROOT);
    String phrase = line.substring(space + 1).strip();
    boolean prefix = phrase.endsWith("*");
    if (prefix) {
      phrase = phrase.substring(0, phrase.length() - 1);
    }
    Category category;
    AbuseKind kind = null;
    try {
      int colon = label.indexOf(':');
      category = Category.valueOf(colon < 0 ? label : label.substring(0, colon));
      if (colon >= 0) {
        kind = AbuseKind.valueOf(label.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + number + ": unknown category " + label, e);
    }
    NormalizedText normalized = TextNormalizer.normalize(phrase);
    if (normalized.tokenCount() == 0) {
      throw new IllegalArgumentException("line " + number + ": no word after the category");
    }
    String[] words = new String[normalized.tokenCount()];
    for (int i = 0; i < words.length; i++) {
      words[i] = normalized.token(i);
    }
    String[] squeezed = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      squeezed[i] = squeeze(words[i]);
    }
    return new Entry(category, kind, banned, words, squeezed, prefix);
  }

  private void add(Entry entry) {
    all.add(entry);
    if (entry.prefix() && entry.words().length == 1) {
      prefixedByStart
          .computeIfAbsent(start(entry.squeezedWords()[0]), k -> new ArrayList<>())
          .add(entry);
    } else {
      byFirstWord.computeIfAbsent(squeeze(entry.words()[0]), k -> new ArrayList<>()).add(entry);
    }
  }

  /**
   * Calls {@code sink} for every entry matching at token {@code first}, with its last token. {@code
   * squeezed} holds each token with doubled letters collapsed ({@link #squeeze}).
   */
  public void matchAt(String[] tokens, String[] squeezed, int first, MatchSink sink) {
    String token = tokens[first];
    if (token.indexOf('*') >= 0) {
      for (Entry entry : all) {
        tryEntry(entry, tokens, squeezed, first, sink);
      }
      return;
    }
    List<Entry> candidates = byFirstWord.get(squeezed[first]);
    if (candidates != null) {
      for (Entry entry : candidates) {
        tryEntry(entry, tokens, squeezed, first, sink);
      }
    }
    List<Entry> prefixed = prefixedByStart.get(start(squeezed[first]));
    if (prefixed != null) {
      for (Entry entry : prefixed) {
        tryEntry(entry, tokens, squeezed, first, sink);
      }
    }
  }

  private static String start(String word) {
    return word.length() <= 2 ? word : word.substring(0, 2);
  }

  private static void tryEntry(
      Entry entry, String[] tokens, String[] squeezed, int first, MatchSink sink) {
    String[] words = entry.words();
    if (first + words.length > tokens.length) {
      return;
    }
    for (int w = 0; w < words.length; w++) {
      boolean prefix = w == words.length - 1 && entry.prefix();
      int t = first + w;
      if (!wordMatches(tokens[t], squeezed[t], words[w], entry.squeezedWords()[w], prefix)) {
        return;
      }
    }
    sink.matched(entry, first + words.length - 1);
  }

  /** Exact, stretched ("fuuck" for "fuck"), masked ("f*ck") or, for prefixes, any ending. */
  static boolean wordMatches(
      String token, String squeezedToken, String word, String squeezedWord, boolean prefix) {
    if (prefix ? token.startsWith(word) : token.equals(word)) {
      return true;
    }
    if (token.indexOf('*') >= 0) {
      return maskedMatches(token, word, prefix);
    }
    if (token.length() <= word.length()) {
      return false;
    }
    return prefix ? squeezedToken.startsWith(squeezedWord) : squeezedToken.equals(squeezedWord);
  }

  private static boolean maskedMatches(String token, String word, boolean prefix) {
    if (prefix ? token.length() < word.length() : token.length() != word.length()) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char t = token.charAt(i);
      if (t != '*' && t != word.charAt(i)) {
        return false;
      }
      letters += t == '*' ? 0 : 1;
    }
    return letters >= 2 && token.charAt(0) != '*';
  }

  /** Collapses doubled letters: "fuuck" and "fuck" squeeze alike, as do "kiill" and "kill". */
  public static String squeeze(String s) {
    StringBuilder out = null;
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) == s.charAt(i - 1)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (out != null) {
        out.append(s.charAt(i));
      }
    }
    return out == null ? s : out.toString();
  }

  /** Receives lexicon matches. */
  @FunctionalInterface
  public interface MatchSink {
    void matched(Entry entry, int lastToken);
  }
}
