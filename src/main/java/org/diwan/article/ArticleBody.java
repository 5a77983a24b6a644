package org.diwan.article;

import java.util.ArrayList;
import java.util.List;

/**
 * The small markup article bodies are written in. Blocks are separated by blank lines; a block
 * whose lines start with {@code >} is a pull quote (a last line starting with an em dash names who
 * said it); a block starting with {@code ##} is a subheading; anything else is a paragraph. There
 * is no inline markup and no HTML: templates render every block as escaped text.
 */
public final class ArticleBody {

  private ArticleBody() {}

  /** A block of an article body. */
  public sealed interface Block permits Paragraph, PullQuote, Subheading {}

  public record Paragraph(String text) implements Block {}

  /** A quotation set apart from the text; {@code attribution} may be empty. */
  public record PullQuote(String text, String attribution) implements Block {}

  public record Subheading(String text) implements Block {}

  public static List<Block> parse(String body) {
    List<Block> blocks = new ArrayList<>();
    if (body == null) {
      return blocks;
    }
    for (String chunk : body.replace("\r\n", "\n").split("\n\\s*\n")) {
      String block = chunk.strip();
      if (block.isEmpty()) {
        continue;
      }
      if (block.startsWith(">")) {
        blocks.add(quote(block));
      } else if (block.startsWith("##")) {
        blocks.add(new Subheading(block.replaceFirst("^#+\\s*", "")));
      } else {
        blocks.add(new Paragraph(joinLines(block)));
      }
    }
    return blocks;
  }

  private static PullQuote quote(String block) {
    List<String> lines = new ArrayList<>();
    for (String line : block.split("\n")) {
      lines.add(line.replaceFirst("^>\\s?", "").strip());
    }
    String attribution = "";
    String last = lines.get(lines.size() - 1);
    if (lines.size() > 1 && (last.startsWith("—") || last.startsWith("--"))) {
      attribution = last.replaceFirst("^(—|--)\\s*", "");
      lines.remove(lines.size() - 1);
    }
    return new PullQuote(String.join(" ", lines).strip(), attribution);
  }

  private static String joinLines(String block) {
    return block.replaceAll("\\s*\n\\s*", " ");
  }
}
