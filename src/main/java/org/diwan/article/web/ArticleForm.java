package org.diwan.article.web;

import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.Tag;

/** The editor's article form as last filled in, with a message per bad field. */
public record ArticleForm(
    String slug,
    String headline,
    String source,
    String dateline,
    String body,
    String tags,
    String language,
    String section,
    Map<String, String> errors) {

  static ArticleForm blank() {
    return new ArticleForm("", "", "", "", "", "", "en", "", Map.of());
  }

  static ArticleForm of(Article a) {
    return new ArticleForm(
        a.slug(),
        a.headline(),
        a.source(),
        a.dateline(),
        a.body(),
        String.join(", ", a.tags().stream().map(Tag::name).toList()),
        a.language(),
        a.section() == null ? "" : a.section().slug(),
        Map.of());
  }

  ArticleEdit edit() {
    return new ArticleEdit(
        headline,
        source,
        dateline,
        body,
        ArticleEdit.splitTags(tags),
        language,
        section == null ? "" : section);
  }

  ArticleForm withErrors(Map<String, String> found) {
    return new ArticleForm(slug, headline, source, dateline, body, tags, language, section, found);
  }

  public String error(String field) {
    return errors.get(field);
  }
}
