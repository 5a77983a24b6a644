package org.diwan.wordlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.diwan.screening.Category;
import org.diwan.screening.ScreeningInput;
import org.diwan.storage.ChangeFeed;
import org.diwan.wordlist.internal.ScreeningEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An edit made through another instance is seen here as soon as the change feed says so. */
abstract class WordListRefreshContract {

  private static final String TEXT = "What a snollygoster of a mayor.";

  @Autowired JdbcClient jdbc;
  @Autowired ScreeningEngine engine;

  @AfterEach
  void clear() {
    jdbc.sql("DELETE FROM word_list WHERE language = 'en' AND kind = 'BANNED'").update();
  }

  @Autowired ChangeFeed changes;

  @Test
  void anotherInstancesEditIsSeenOnceItsChangeIsAnnounced() {
    WordLists here = new WordLists(jdbc, Clock.systemUTC(), engine, event -> {}, changes);
    long everything = changes.everything();
    long generation = changes.of(WordLists.SCOPE);
    assertThat(here.screener().orElseThrow().screen(ScreeningInput.of(TEXT)).flagged())
        .doesNotContain(Category.PERSONAL_ATTACK);

    jdbc.sql(
            "INSERT INTO word_list (language, kind, body, updated_by, updated_at)"
                + " VALUES ('en', 'BANNED', 'PERSONAL_ATTACK snollygoster', 'elsewhere', 0)")
        .update();
    // Kept: nothing announced the edit yet, so the lists are not read again for each comment
    // (unless the shared feed moved meanwhile for some other test's change; then it may be read).
    var kept = here.screener().orElseThrow().screen(ScreeningInput.of(TEXT)).flagged();
    if (changes.synced()
        && changes.everything() == everything
        && changes.of(WordLists.SCOPE) == generation) {
      assertThat(kept).doesNotContain(Category.PERSONAL_ATTACK);
    }

    changes.changed(WordLists.SCOPE);
    assertThat(here.screener().orElseThrow().screen(ScreeningInput.of(TEXT)).flagged())
        .contains(Category.PERSONAL_ATTACK);
  }
}
