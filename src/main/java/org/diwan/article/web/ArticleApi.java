package org.diwan.article.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.Articles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API over articles. */
@RestController
@RequestMapping(path = "/api/articles", produces = "application/json")
@Tag(name = "Articles")
class ArticleApi {

  private final Articles articles;

  ArticleApi(Articles articles) {
    this.articles = articles;
  }

  @GetMapping
  @Operation(summary = "Published articles, newest first")
  ArticleList list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    int pageSize = Math.max(1, Math.min(size, Articles.MAX_PAGE_SIZE));
    int pageNumber = Math.max(0, page);
    List<Article> found = articles.newest(pageNumber, pageSize + 1);
    boolean more = found.size() > pageSize;
    return new ArticleList(
        found.stream().limit(pageSize).map(ArticleJson::of).toList(), pageNumber, pageSize, more);
  }

  @GetMapping("/{slug}")
  @Operation(summary = "One article")
  ArticleJson get(@PathVariable String slug) {
    return ArticleJson.of(articles.get(slug));
  }

  /**
   * An article as an editor or integration sends it; {@code draft} keeps it off the site; {@code
   * section} is a section's slug in the article's language, empty for none, absent to leave it.
   */
  record ArticleBodyJson(
      String slug,
      String headline,
      String source,
      String dateline,
      String body,
      List<String> tags,
      String language,
      Boolean draft,
      Boolean commentsOpen,
      String section) {
    ArticleEdit edit() {
      return new ArticleEdit(headline, source, dateline, body, tags, language, section);
    }
  }

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Create an article (EDITOR)")
  ResponseEntity<ArticleJson> create(Principal editor, @RequestBody ArticleBodyJson body) {
    Article created =
        articles.create(
            body.slug(), body.edit(), !Boolean.TRUE.equals(body.draft()), editor.getName());
    if (Boolean.FALSE.equals(body.commentsOpen())) {
      articles.setCommentsOpen(created.slug(), false, editor.getName());
      created = articles.getForEditing(created.slug());
    }
    return ResponseEntity.created(URI.create("/api/articles/" + created.slug()))
        .body(ArticleJson.of(created));
  }

  @PutMapping(path = "/{slug}", consumes = "application/json")
  @Operation(
      summary =
          "Replace an article's text (EDITOR); a published one shows Updated at;"
              + " draft and commentsOpen, when given, publish or unpublish and open or close comments")
  ArticleJson update(
      Principal editor, @PathVariable String slug, @RequestBody ArticleBodyJson body) {
    Article revised = articles.revise(slug, body.edit(), editor.getName());
    if (body.draft() != null) {
      articles.setPublished(slug, !body.draft(), editor.getName());
      revised = articles.getForEditing(slug);
    }
    if (body.commentsOpen() != null && body.commentsOpen() != revised.commentsOpen()) {
      articles.setCommentsOpen(slug, body.commentsOpen(), editor.getName());
      revised = articles.getForEditing(slug);
    }
    return ArticleJson.of(revised);
  }

  /** A page of articles; {@code hasMore} says whether {@code page + 1} has any. */
  record ArticleList(List<ArticleJson> items, int page, int size, boolean hasMore) {}

  /** An article in the API's stable shape. */
  record ArticleJson(
      String slug,
      String headline,
      String source,
      String dateline,
      String body,
      List<String> tags,
      List<PhotoJson> photos,
      String language,
      String direction,
      Instant publishedAt,
      Instant updatedAt,
      boolean commentsOpen,
      String section) {

    static ArticleJson of(Article a) {
      return new ArticleJson(
          a.slug(),
          a.headline(),
          a.source(),
          a.dateline(),
          a.body(),
          a.tags().stream().map(tag -> tag.name()).toList(),
          a.photos().stream().map(p -> new PhotoJson(p.url(), p.caption(), p.credit())).toList(),
          a.language(),
          a.direction().html(),
          a.publishedAt(),
          a.updatedAt(),
          a.commentsOpen(),
          a.section() == null ? null : a.section().slug());
    }
  }

  record PhotoJson(String url, String caption, String credit) {}
}
