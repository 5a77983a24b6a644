package org.diwan.article.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * How the text of every article field is cleaned, as comments are: characters a reader cannot see
 * and that break a feed or disguise text are removed, namely control characters (a body keeps its
 * line breaks and tabs; a one-line field has its runs of spaces collapsed into one), the
 * bidirectional embedding, override and isolate controls, and Unicode's noncharacters such as
 * U+FFFF, which XML forbids. A lone UTF-16 surrogate cannot be stored at all: {@link #storable}
 * says so, and the field is refused rather than stored as "?".
 */
public final class ArticleText {

  private static final Pattern BODY_CONTROLS =
      Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern NONCHARACTERS = Pattern.compile("\\p{IsNoncharacter_Code_Point}");

  private ArticleText() {}

  /** A headline, source, dateline, tag, caption or credit: one line, spaces collapsed. */
  public static String oneLine(String value) {
    return WHITESPACE.matcher(body(value)).replaceAll(" ");
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** An article's body: line breaks unified to \n, trimmed. */
  public static String body(String value) {
    if (value == null) {
      return "";
    }
    String unified = value.replace("\r\n", "\n").replace('\r', '\n');
    return NONCHARACTERS
        .matcher(BODY_CONTROLS.matcher(unified).replaceAll(""))
        .replaceAll("")
        .strip();
  }

  /** False for text holding a lone surrogate, which no database or feed can hold. */
  public static boolean storable(String value) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(value);
  }
}
