package org.diwan.article.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.Language;
import org.diwan.article.SearchText;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search over published articles in the JSON API. */
@RestController
@RequestMapping(path = "/api/search", produces = "application/json")
@Tag(name = "Articles")
class SearchApi {

  private final Articles articles;

  SearchApi(Articles articles) {
    this.articles = articles;
  }

  @GetMapping
  @Operation(
      summary =
          "Published articles matching every word of q (the first 200 characters, at most 8"
              + " words), best first; lang narrows to one edition; page counts from 1")
  Results search(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String lang,
      @RequestParam(defaultValue = "1") int page) {
    if (lang != null && Language.of(lang).isEmpty()) {
      throw invalid(
          "Unknown edition",
          "lang must be one of " + Language.codes() + ", or left out to search them all.");
    }
    if (page < 1) {
      throw invalid("No such page", "Pages of results count from 1.");
    }
    if (SearchText.terms(q).isEmpty()) {
      return new Results(List.of(), List.of(), page, false, false);
    }
    Articles.Found found = articles.search(q, lang, page);
    return new Results(
        found.terms(),
        found.listing().articles().stream().map(Hit::of).toList(),
        page,
        found.listing().hasNext(),
        found.shortened());
  }

  private static ErrorResponseException invalid(String title, String detail) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST,
        Problems.of(HttpStatus.BAD_REQUEST, "search.invalid", title, detail),
        null);
  }

  /**
   * A page of results; {@code terms} are the words looked for, as folded for matching; {@code
   * shortened}: the query had more words or characters than are read.
   */
  record Results(
      List<String> terms, List<Hit> items, int page, boolean hasMore, boolean shortened) {}

  /** One article found. */
  record Hit(
      String slug,
      String url,
      String headline,
      String summary,
      String language,
      String section,
      Instant publishedAt) {
    static Hit of(Article a) {
      return new Hit(
          a.slug(),
          a.path(),
          a.headline(),
          a.summary(),
          a.language(),
          a.section() == null ? null : a.section().slug(),
          a.publishedAt());
    }
  }
}
