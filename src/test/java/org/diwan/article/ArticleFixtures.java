package org.diwan.article;

import java.util.List;
import java.util.UUID;

/** Articles for tests, each with a slug of its own so tests can share a database. */
public final class ArticleFixtures {

  public static final String BODY =
      "Council members voted on Monday to extend the opening hours of the city's libraries.\n\n"
          + "> Reading rooms should be open when people finish work.\n"
          + "> — a council member\n\n"
          + "## What changes\n\n"
          + "Libraries will stay open until nine in the evening from next month.";

  private ArticleFixtures() {}

  public static NewArticle english(String headline) {
    return new NewArticle(
        "test-" + UUID.randomUUID(),
        headline,
        "Test Desk",
        "ERBIL, Kurdistan Region –",
        BODY,
        "en",
        List.of("Libraries", "City Council"),
        List.of(),
        null,
        true,
        true);
  }

  public static NewArticle closed(String headline) {
    NewArticle open = english(headline);
    return new NewArticle(
        open.slug(),
        headline,
        open.source(),
        open.dateline(),
        open.body(),
        open.language(),
        open.tags(),
        open.photos(),
        null,
        false,
        true);
  }

  public static NewArticle sorani(String headline) {
    return new NewArticle(
        "test-" + UUID.randomUUID(),
        headline,
        "دیوان",
        "هەولێر –",
        "کتێبخانەکان تا کاتژمێر نۆی ئێوارە کراوە دەبن.",
        "ckb",
        List.of("کتێبخانە"),
        List.of(),
        null,
        true,
        true);
  }

  /** An open, published article in {@code language} with one tag, {@code tag}. */
  public static NewArticle inLanguage(String language, String headline, String body, String tag) {
    return new NewArticle(
        "test-" + UUID.randomUUID(),
        headline,
        "Diwan",
        "",
        body,
        language,
        List.of(tag),
        List.of(),
        null,
        true,
        true);
  }
}
