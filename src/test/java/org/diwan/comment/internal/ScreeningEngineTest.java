package org.diwan.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.SecondStageProperties;
import org.diwan.screening.Screener;
import org.diwan.storage.ChangeFeed;
import org.diwan.support.OnSqlite;
import org.diwan.wordlist.WordLists;
import org.diwan.wordlist.internal.ScreeningEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OnSqlite
class ScreeningEngineTest {

  @Autowired JdbcClient jdbc;
  @Autowired ChangeFeed changes;

  private CommentScreening screening(ScreeningEngine engine) {
    return new CommentScreening(
        new WordLists(jdbc, Clock.systemUTC(), engine, event -> {}, changes),
        new SecondStageProperties(
            0, 16, Duration.ofSeconds(2), Duration.ofMinutes(2), 3, 20, "none"));
  }

  private static final Screener SHIPPED = Screener.loadDefault();
  private static final CommentTarget ARTICLE =
      new CommentTarget(
          1, "library", "The public library opens", true, "The library opens on Sunday.", "en");

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseLoader() {
    release.countDown();
  }

  private Screener slowLoad() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return SHIPPED;
  }

  @Test
  void answersWithTheEngineOnceItsModelIsLoaded() {
    ScreeningEngine engine = new ScreeningEngine(() -> SHIPPED, Duration.ofSeconds(10));

    assertThat(engine.await()).containsSame(SHIPPED);
  }

  @Test
  void answersEmptyWhenTheModelIsNotLoadedInTime() {
    ScreeningEngine engine = new ScreeningEngine(this::slowLoad, Duration.ofMillis(50));

    assertThat(engine.await()).isEmpty();
    release.countDown();
    assertThat(new ScreeningEngine(this::slowLoad, Duration.ofSeconds(10)).await())
        .containsSame(SHIPPED);
  }

  @Test
  void answersEmptyWhenTheModelCannotBeLoaded() {
    ScreeningEngine engine =
        new ScreeningEngine(
            () -> {
              throw new IllegalStateException("no model");
            },
            Duration.ofSeconds(10));

    assertThat(engine.await()).isEmpty();
  }

  @Test
  void holdsACommentAsFailedScreeningWhenTheModelIsNotReady() {
    CommentScreening screening =
        screening(new ScreeningEngine(this::slowLoad, Duration.ofMillis(50)));

    ScreeningSummary summary =
        screening.screen(new CommentDraft("Shirin", "s@example.org", "Good news."), ARTICLE);

    assertThat(summary.failed()).isTrue();
    assertThat(summary.failure()).isEqualTo("engine: model not loaded");
  }

  @Test
  void screensACommentOnceTheModelIsReady() {
    CommentScreening screening =
        screening(new ScreeningEngine(() -> SHIPPED, Duration.ofSeconds(10)));

    ScreeningSummary summary =
        screening.screen(new CommentDraft("Shirin", "s@example.org", "Good news."), ARTICLE);

    assertThat(summary.failed()).isFalse();
    assertThat(summary.version()).isEqualTo(SHIPPED.version());
  }
}
