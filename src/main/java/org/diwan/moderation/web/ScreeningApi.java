package org.diwan.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.moderation.ModerationProblem;
import org.diwan.screening.Category;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;
import org.diwan.screening.ScreeningInput;
import org.diwan.wordlist.WordLists;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Screens a text on request, without storing anything (MODERATOR or ADMIN). */
@RestController
@Tag(name = "Moderation")
class ScreeningApi {

  static final int MAX_TEXT = 20_000;

  private final WordLists wordLists;
  private final Articles articles;

  ScreeningApi(WordLists wordLists, Articles articles) {
    this.wordLists = wordLists;
    this.articles = articles;
  }

  record ScreenRequest(String text, String articleSlug) {}

  record EvidenceJson(Category code, int start, int end) {}

  record ScreenResult(
      String language,
      Map<Category, Double> scores,
      List<Category> flagged,
      List<EvidenceJson> evidence,
      String version) {}

  @PostMapping(path = "/api/screen", consumes = "application/json", produces = "application/json")
  @Operation(summary = "Score a text against the guidelines, optionally against an article")
  ScreenResult screen(@RequestBody ScreenRequest body) {
    if (body.text() == null || body.text().isBlank()) {
      throw ModerationProblem.invalid("Send the text to screen in 'text'.");
    }
    if (body.text().length() > MAX_TEXT) {
      throw ModerationProblem.invalid("'text' can be at most " + MAX_TEXT + " characters.");
    }
    ScreeningInput input = ScreeningInput.of(body.text());
    if (body.articleSlug() != null && !body.articleSlug().isBlank()) {
      Article article =
          articles
              .find(body.articleSlug())
              .orElseThrow(
                  () ->
                      new ModerationProblem(
                          HttpStatus.NOT_FOUND, "article.not-found", "There is no such article."));
      input =
          new ScreeningInput(body.text(), article.headline(), article.body(), article.language());
    }
    Screener screener =
        wordLists
            .screener()
            .orElseThrow(
                () ->
                    new ModerationProblem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "screening.not-ready",
                        "The screening model is not loaded; try again shortly."));
    Screening s = screener.screen(input);
    return new ScreenResult(
        s.language(),
        s.scores(),
        s.flagged().stream().sorted().toList(),
        s.evidence().stream().map(e -> new EvidenceJson(e.category(), e.start(), e.end())).toList(),
        s.version());
  }
}
