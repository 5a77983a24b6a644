package org.diwan.comment.internal;

import java.util.Optional;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.SecondStage;
import org.diwan.comment.SecondStageProperties;
import org.diwan.screening.Screener;
import org.diwan.screening.ScreeningInput;
import org.diwan.wordlist.WordLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the screening engine on a comment before it is stored. Fails closed: if the engine fails, or
 * its model is not loaded in time ({@link ScreeningEngine#await}), the result says so and the
 * comment waits for a human; screening never publishes anything.
 */
@Component
public class CommentScreening {

  private static final Logger log = LoggerFactory.getLogger(CommentScreening.class);

  private final WordLists wordLists;
  private final SecondStage secondStage;

  CommentScreening(WordLists wordLists, SecondStageProperties secondStage) {
    this.wordLists = wordLists;
    this.secondStage = secondStage.enabled() ? SecondStage.PENDING : SecondStage.OFF;
  }

  /** The first stage's verdict, marked to wait for the second stage when that is on. */
  public ScreeningSummary screen(CommentDraft draft, CommentTarget article) {
    return firstStage(draft, article).withSecondStage(secondStage);
  }

  /** The first stage with the word lists as edited now; empty when its model is not loaded. */
  Optional<Screener> screener() {
    return wordLists.screener();
  }

  private ScreeningSummary firstStage(CommentDraft draft, CommentTarget article) {
    Optional<Screener> ready = wordLists.screener();
    if (ready.isEmpty()) {
      log.warn(
          "The screening model is not loaded; a comment on {} waits for a human", article.slug());
      return ScreeningSummary.modelNotLoaded();
    }
    Screener screener = ready.get();
    try {
      ScreeningSummary summary =
          ScreeningSummary.of(
              screener.screen(
                  new ScreeningInput(
                      draft.text(), article.headline(), article.body(), article.language())));
      if (summary.failed()) {
        log.warn("Screening failed for a comment on {}: {}", article.slug(), summary.failure());
      }
      return summary;
    } catch (RuntimeException | StackOverflowError e) {
      log.error("The screening engine threw for a comment on {}", article.slug(), e);
      return ScreeningSummary.failed(screener.version(), "engine: " + e.getClass().getSimpleName());
    }
  }
}
