package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.diwan.article.Language;
import org.junit.jupiter.api.Test;

/**
 * Every edition's bundle has every key, each a pattern ICU reads, none left in English; and the
 * reader-facing templates hold no words of their own, only keys.
 */
class BundlesTest {

  /** The templates readers see; the staff consoles stay in English. */
  private static final List<String> READER_TEMPLATES =
      List.of(
          "layout.jte",
          "home.jte",
          "list.jte",
          "search.jte",
          "teaser.jte",
          "pager.jte",
          "mostread.jte",
          "article.jte",
          "comment-status.jte",
          "error.jte",
          "status/broken.jte");

  /** Values that read the same in a translation: names of formats, or no words at all. */
  private static final Pattern SAME_IN_EVERY_LANGUAGE =
      Pattern.compile("[^\\p{L}]*|Atom|UTF-8|X|Facebook|WhatsApp|Telegram|LinkedIn");

  @Test
  void everyEditionHasEveryKeyAndNoOther() {
    Set<String> english = Texts.of("en").keys();
    assertThat(english).hasSizeGreaterThan(100);
    for (Texts edition : Texts.editions()) {
      assertThat(edition.keys()).as("keys of %s", edition.lang()).isEqualTo(english);
    }
  }

  @Test
  void everyLanguageArticlesAreWrittenInHasAnEdition() {
    for (Language language : Language.all()) {
      assertThat(Texts.find(language.code())).as(language.code()).isPresent();
      assertThat(Texts.of(language.code()).dir()).isEqualTo(language.direction().html());
    }
  }

  @Test
  void everyMessageIsAnIcuPatternThatFormats() {
    for (Texts edition : Texts.editions()) {
      for (String key : edition.keys()) {
        String formatted = edition.get(key, 7, 3, "x");
        assertThat(formatted).as("%s %s", edition.lang(), key).isNotBlank().doesNotContain("{");
      }
    }
    // Plurals follow each language's rules: Arabic has a form for two.
    assertThat(Texts.of("en").get("comments.count", 1)).isEqualTo("1 comment");
    assertThat(Texts.of("en").get("comments.count", 5)).isEqualTo("5 comments");
    assertThat(Texts.of("ar").get("comments.count", 2))
        .isNotEqualTo(Texts.of("ar").get("comments.count", 3));
    new MessageFormat(Texts.of("en").get("comments.count", 0)); // sanity: output is plain text
  }

  @Test
  void noTranslationIsLeftInEnglish() {
    Texts english = Texts.of("en");
    List<String> untranslated = new ArrayList<>();
    for (Texts edition : Texts.editions()) {
      if (edition.lang().equals("en")) {
        continue;
      }
      for (String key : edition.keys()) {
        String value = edition.get(key, 7, 3, "x");
        if (value.equals(english.get(key, 7, 3, "x"))
            && !SAME_IN_EVERY_LANGUAGE.matcher(value).matches()) {
          untranslated.add(edition.lang() + " " + key);
        }
      }
    }
    assertThat(untranslated).isEmpty();
  }

  @Test
  void readerTemplatesHoldNoWordsOfTheirOwn() throws IOException {
    List<String> found = new ArrayList<>();
    for (String name : READER_TEMPLATES) {
      String template = Files.readString(Path.of("src/main/jte", name));
      String text = readerVisibleText(template);
      for (String line : text.split("\n")) {
        if (line.codePoints().anyMatch(Character::isLetter)) {
          found.add(name + ": " + line.strip());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /**
   * What a template would show on its own: the text between tags and the attributes people read,
   * with every expression, directive and comment taken out.
   */
  static String readerVisibleText(String template) {
    String text = template.replaceAll("(?s)<%--.*?--%>", "");
    text = text.replaceAll("(?m)^\\s*@(import|param).*$", "");
    text = text.replaceAll("(?m)^\\s*!\\{.*\\}\\s*$", "");
    text = removeExpressions(text);
    text = text.replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
    StringBuilder shown = new StringBuilder();
    var attribute =
        Pattern.compile("\\b(aria-label|title|alt|placeholder)=\"([^\"]*)\"").matcher(text);
    while (attribute.find()) {
      shown.append(attribute.group(2)).append('\n');
    }
    String between = text.replaceAll("(?s)<[^>]*>", "\n");
    between = between.replaceAll("@(if|elseif|else|endif|for|endfor|template\\.[\\w.]+)\\b", "");
    // Symbols the site shows in every language: the text-size buttons' letters.
    between = between.replace("A-", "").replace("A+", "");
    shown.append(between);
    return shown.toString();
  }

  /** Removes ${...}, $unsafe{...}, @if(...), @for(...), @template(...) with nested brackets. */
  private static String removeExpressions(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean dollar = c == '$' && text.startsWith("{", i + 1);
      boolean unsafe = c == '$' && text.startsWith("unsafe{", i + 1);
      boolean directive =
          c == '@' && text.substring(i + 1).matches("(?s)(if|elseif|for|template\\.[\\w.]+)\\(.*");
      if (dollar || unsafe || directive) {
        int open = text.indexOf(dollar || unsafe ? '{' : '(', i);
        char opening = text.charAt(open);
        char closing = opening == '{' ? '}' : ')';
        int depth = 0;
        int j = open;
        for (; j < text.length(); j++) {
          char d = text.charAt(j);
          if (d == '`') {
            // a content block inside a call: keep it, it is template text
            out.append(' ');
            int end = text.lastIndexOf('`');
            if (end > j) {
              out.append(removeExpressions(text.substring(j + 1, end)));
              j = end;
            }
            continue;
          }
          depth += d == opening ? 1 : d == closing ? -1 : 0;
          if (depth == 0) {
            break;
          }
        }
        i = j + 1;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
