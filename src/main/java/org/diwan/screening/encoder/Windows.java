package org.diwan.screening.encoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comment into the spans the encoder reads. A window holds whole sentences up to {@link
 * #MAX_WORDS} words and {@link #MAX_CHARS} characters, short enough that one heated sentence is not
 * drowned by the calm ones around it, and well inside the encoder's 512-token window; a longer
 * sentence is cut at spaces (or, with none, every {@link #MAX_CHARS} characters). Consecutive
 * windows share their boundary sentence, so a threat spread over two sentences is read whole by at
 * least one window.
 *
 * <p>Spans index the original text (UTF-16), never start or end with whitespace, and cover every
 * letter and digit of it. Stateless; linear in the text's length.
 */
public final class Windows {

  public static final int MAX_WORDS = 48;
  public static final int MAX_CHARS = 320;

  /** A span of the original text, {@code start} inclusive, {@code end} exclusive. */
  public record Span(int start, int end) {
    public String of(String text) {
      return text.substring(start, end);
    }
  }

  private Windows() {}

  /** The windows of {@code text}; empty when it has no letter or digit. */
  public static List<Span> of(String text) {
    if (!readable(text)) {
      return List.of();
    }
    List<Span> pieces = pieces(text);
    List<Span> windows = new ArrayList<>();
    int first = 0;
    while (first < pieces.size()) {
      int last = first;
      int words = words(text, pieces.get(first));
      while (last + 1 < pieces.size()) {
        Span next = pieces.get(last + 1);
        int more = words(text, next);
        if (words + more > MAX_WORDS || next.end() - pieces.get(first).start() > MAX_CHARS) {
          break;
        }
        words += more;
        last++;
      }
      windows.add(new Span(pieces.get(first).start(), pieces.get(last).end()));
      if (last + 1 >= pieces.size()) {
        break;
      }
      // The next window starts again at this one's last sentence when there were several and
      // that sentence fits beside the one after it.
      first = last > first && fits(text, pieces.get(last), pieces.get(last + 1)) ? last : last + 1;
    }
    return windows;
  }

  /** The sentences of {@code text}, each cut to fit one window. */
  public static List<Span> sentences(String text) {
    return readable(text) ? pieces(text) : List.of();
  }

  /** Whether {@code text} has a letter or a digit: emoji and punctuation alone say nothing. */
  public static boolean readable(String text) {
    return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static List<Span> pieces(String text) {
    List<Span> pieces = new ArrayList<>();
    for (Span sentence : sentenceSpans(text)) {
      cut(text, sentence, pieces);
    }
    return pieces;
  }

  /** Sentences end at . ! ? … followed by whitespace, or at a line break. */
  private static List<Span> sentenceSpans(String text) {
    List<Span> spans = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean terminal = c == '.' || c == '!' || c == '?' || c == '…';
      boolean lineBreak = c == '\n' || c == '\r';
      if (lineBreak || terminal && (i + 1 == text.length() || isSpace(text.charAt(i + 1)))) {
        add(text, start, lineBreak ? i : i + 1, spans);
        start = i + 1;
      }
    }
    add(text, start, text.length(), spans);
    return spans;
  }

  /** Cuts a sentence into parts of at most MAX_WORDS words and MAX_CHARS characters. */
  private static void cut(String text, Span sentence, List<Span> out) {
    int start = sentence.start();
    while (start < sentence.end()) {
      int words = 0;
      int end = start;
      int lastSpace = -1;
      while (end < sentence.end() && end - start < MAX_CHARS) {
        if (isSpace(text.charAt(end)) && end > start && !isSpace(text.charAt(end - 1))) {
          words++;
          lastSpace = end;
          if (words == MAX_WORDS) {
            break;
          }
        }
        end++;
      }
      if (end < sentence.end() && lastSpace > start) {
        end = lastSpace;
      }
      if (end < sentence.end() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--; // never split a surrogate pair
      }
      add(text, start, end, out);
      start = end;
    }
  }

  private static void add(String text, int start, int end, List<Span> out) {
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start && readable(text.substring(start, end))) {
      out.add(new Span(start, end));
    } else if (end > start && !out.isEmpty()) {
      // Emoji or punctuation alone stay with the sentence before them.
      Span previous = out.remove(out.size() - 1);
      out.add(new Span(previous.start(), end));
    }
  }

  private static boolean fits(String text, Span a, Span b) {
    return words(text, a) + words(text, b) <= MAX_WORDS && b.end() - a.start() <= MAX_CHARS;
  }

  private static int words(String text, Span span) {
    int words = 0;
    boolean inWord = false;
    for (int i = span.start(); i < span.end(); i++) {
      boolean space = isSpace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
