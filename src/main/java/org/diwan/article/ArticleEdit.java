package org.diwan.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diwan.article.internal.ArticleText;

/**
 * The editable text of an article, as an editor submits it. {@link #checked()} applies the rules
 * and returns the cleaned edit or throws {@link InvalidArticle} naming every bad field. {@code
 * section} is the slug of a section of the article's edition, empty for none, or null to leave it
 * as it is.
 */
public record ArticleEdit(
    String headline,
    String source,
    String dateline,
    String body,
    List<String> tags,
    String language,
    String section) {

  /** An edit that leaves the article's section as it is. */
  public ArticleEdit(
      String headline,
      String source,
      String dateline,
      String body,
      List<String> tags,
      String language) {
    this(headline, source, dateline, body, tags, language, null);
  }

  static final int MAX_HEADLINE = 200;
  static final int MAX_SOURCE = 100;
  static final int MAX_DATELINE = 100;
  static final int MAX_BODY = 100_000;
  static final int MAX_TAGS = 10;
  static final int MAX_TAG = 40;

  /** Tags as an editor types them: separated by commas. */
  public static List<String> splitTags(String tags) {
    List<String> list = new ArrayList<>();
    if (tags != null) {
      for (String tag : tags.split(",")) {
        if (!tag.isBlank()) {
          list.add(tag.strip());
        }
      }
    }
    return list;
  }

  public ArticleEdit checked() {
    Map<String, String> errors = new LinkedHashMap<>();
    String h = strip(headline);
    String s = strip(source);
    String d = strip(dateline);
    String b = ArticleText.body(body);
    String lang = strip(language);
    List<String> t =
        tags == null
            ? List.of()
            : tags.stream().map(ArticleEdit::strip).filter(x -> !x.isEmpty()).toList();
    require(errors, "headline", h, MAX_HEADLINE, "a headline");
    require(errors, "source", s, MAX_SOURCE, "the source or publisher");
    if (d.length() > MAX_DATELINE) {
      errors.put("dateline", "The dateline can be at most " + MAX_DATELINE + " characters.");
    }
    require(errors, "body", b, MAX_BODY, "the article's text");
    for (var field :
        Map.of("headline", h, "source", s, "dateline", d, "body", b, "tags", String.join(",", t))
            .entrySet()) {
      if (!ArticleText.storable(field.getValue())) {
        errors.putIfAbsent(
            field.getKey(),
            "This contains characters that cannot be stored (a broken surrogate pair).");
      }
    }
    String tag = Language.of(lang).map(Language::code).orElse("");
    if (tag.isEmpty()) {
      errors.put(
          "language", "Choose one of the languages Diwan publishes in: " + Language.codes() + ".");
    }
    if (t.size() > MAX_TAGS || t.stream().anyMatch(x -> x.length() > MAX_TAG)) {
      errors.put(
          "tags", "At most " + MAX_TAGS + " tags of at most " + MAX_TAG + " characters each.");
    } else if (t.stream().anyMatch(x -> Tag.named(x).slug().isEmpty())) {
      errors.put("tags", "Each tag needs at least one letter or digit.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidArticle(errors);
    }
    return new ArticleEdit(h, s, d, b, t, tag, section == null ? null : section.strip());
  }

  private static void require(
      Map<String, String> errors, String field, String value, int max, String what) {
    if (value.isEmpty()) {
      errors.put(field, "Please enter " + what + ".");
    } else if (value.length() > max) {
      errors.put(field, "This can be at most " + String.format("%,d", max) + " characters.");
    }
  }

  private static String strip(String value) {
    return ArticleText.oneLine(value);
  }
}
