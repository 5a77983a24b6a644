package org.diwan.importer.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's HTML as an article body in Diwan's plain format: paragraphs apart by a blank line, tags
 * and editor comments dropped, the common entities written as characters. Only for article bodies,
 * which Diwan escapes when it shows them; comment texts are never changed.
 */
final class HtmlText {

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern BLOCK_END =
      Pattern.compile(
          "(?i)</(p|div|h[1-6]|li|blockquote|figure|figcaption|pre|ul|ol|table|tr)>|<br\\s*/?>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

  private HtmlText() {}

  static String of(String html) {
    if (html == null) {
      return "";
    }
    String text = COMMENT.matcher(html).replaceAll("");
    text = BLOCK_END.matcher(text).replaceAll("\n\n");
    text = TAG.matcher(text).replaceAll("");
    text = entities(text);
    StringBuilder body = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String p = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
      if (!p.isEmpty()) {
        body.append(body.isEmpty() ? "" : "\n\n").append(p);
      }
    }
    return body.toString();
  }

  private static String entities(String text) {
    Matcher m = NUMERIC.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String n = m.group(1);
      int code = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n, 10);
      String c = Character.isValidCodePoint(code) ? Character.toString(code) : "";
      m.appendReplacement(out, Matcher.quoteReplacement(c));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&amp;", "&");
  }
}
