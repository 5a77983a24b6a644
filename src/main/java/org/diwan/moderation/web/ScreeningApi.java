package org.diwan.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.comment.SecondStageEngine;
import org.diwan.moderation.ModerationProblem;
import org.diwan.screening.Category;
import org.diwan.screening.CombinedScreening;
import org.diwan.screening.EncoderScreener;
import org.diwan.screening.Evidence;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;
import org.diwan.screening.ScreeningInput;
import org.diwan.wordlist.WordLists;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screens a text on request, without storing anything (MODERATOR or ADMIN): both stages at once on
 * the request's thread (the second costs about 5-20 ms for a short comment).
 */
@RestController
@Tag(name = "Moderation")
class ScreeningApi {

  static final int MAX_TEXT = 20_000;

  private final WordLists wordLists;
  private final Articles articles;
  private final SecondStageEngine secondStage;

  ScreeningApi(WordLists wordLists, Articles articles, SecondStageEngine secondStage) {
    this.wordLists = wordLists;
    this.articles = articles;
    this.secondStage = secondStage;
  }

  record ScreenRequest(String text, String articleSlug) {}

  record EvidenceJson(Category code, int start, int end) {}

  /** The first stage's own verdict. */
  record FirstStageJson(double risk, Map<Category, Double> scores, List<Category> flagged) {}

  /**
   * What the second stage did: {@code outcome} SCORED, or why not (OFF when switched off); its
   * encoder heads' own scores when it scored.
   */
  record SecondStageJson(String outcome, String note, Map<Category, Double> scores) {}

  /**
   * The combined verdict (the first stage's when the second did not score), with each stage's
   * scores beside it. {@code stages}: "both" or "first".
   */
  record ScreenResult(
      String language,
      Map<Category, Double> scores,
      List<Category> flagged,
      List<EvidenceJson> evidence,
      String version,
      String stages,
      FirstStageJson firstStage,
      SecondStageJson secondStage) {}

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
    Screening first = screener.screen(input);
    FirstStageJson firstJson =
        new FirstStageJson(
            first.risk(), first.scores(), first.flagged().stream().sorted().toList());
    Optional<EncoderScreener> encoder = secondStage.encoder();
    if (encoder.isEmpty()) {
      return new ScreenResult(
          first.language(),
          first.scores(),
          firstJson.flagged(),
          evidence(first.evidence()),
          first.version(),
          "first",
          firstJson,
          new SecondStageJson("OFF", "the second stage is switched off", Map.of()));
    }
    CombinedScreening both = encoder.get().screen(input, first);
    return new ScreenResult(
        first.language(),
        both.scores(),
        both.flagged().stream().sorted().toList(),
        evidence(both.evidence()),
        both.version(),
        both.scored() ? "both" : "first",
        firstJson,
        new SecondStageJson(both.outcome().name(), both.note(), both.encoder()));
  }

  private static List<EvidenceJson> evidence(List<Evidence> evidence) {
    return evidence.stream().map(e -> new EvidenceJson(e.category(), e.start(), e.end())).toList();
  }
}
