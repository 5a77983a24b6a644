package org.diwan.wordlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.diwan.screening.Category;
import org.diwan.screening.ScreeningInput;
import org.diwan.wordlist.internal.ScreeningEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An edit made through another instance reaches this one within the refresh interval. */
abstract class WordListRefreshContract {

  private static final String TEXT = "What a snollygoster of a mayor.";

  @Autowired JdbcClient jdbc;
  @Autowired ScreeningEngine engine;

  @AfterEach
  void clear() {
    jdbc.sql("DELETE FROM word_list WHERE language = 'en' AND kind = 'BANNED'").update();
  }

  @Test
  void anotherInstancesEditIsSeenAfterTheRefreshInterval() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T09:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now.get();
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    WordLists here = new WordLists(jdbc, clock, engine, event -> {});
    assertThat(here.screener().orElseThrow().screen(ScreeningInput.of(TEXT)).flagged())
        .doesNotContain(Category.PERSONAL_ATTACK);

    jdbc.sql(
            "INSERT INTO word_list (language, kind, body, updated_by, updated_at)"
                + " VALUES ('en', 'BANNED', 'PERSONAL_ATTACK snollygoster', 'elsewhere', 0)")
        .update();

    now.set(now.get().plusSeconds(1));
    assertThat(here.screener().orElseThrow().screen(ScreeningInput.of(TEXT)).flagged())
        .doesNotContain(Category.PERSONAL_ATTACK);
    now.set(now.get().plus(WordLists.REFRESH));
    assertThat(here.screener().orElseThrow().screen(ScreeningInput.of(TEXT)).flagged())
        .contains(Category.PERSONAL_ATTACK);
  }
}
