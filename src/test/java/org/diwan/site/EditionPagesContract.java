package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each language is an edition: its own front page, topics and feed, the interface in the language
 * of the article or edition, translations linked both ways, over HTTP against each database.
 */
abstract class EditionPagesContract {

  @Autowired Articles articles;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  WebClient web;
  int port;
  Article english;
  Article sorani;
  Article arabic;
  Article persian;

  @BeforeEach
  void setUp() {
    port = environment.getRequiredProperty("local.server.port", Integer.class);
    web = new WebClient(port);
    english =
        articles.publish(
            ArticleFixtures.inLanguage(
                "en", "Dam repairs begin", "Work starts on Monday.", "Dams"));
    sorani =
        articles.publish(
            ArticleFixtures.inLanguage(
                "ckb",
                "چاککردنەوەی بەنداو دەست پێدەکات",
                "کارەکە دووشەممە دەست پێدەکات.",
                "بەنداو"));
    arabic =
        articles.publish(
            ArticleFixtures.inLanguage(
                "ar", "بدء إصلاح السد", "تبدأ الأعمال يوم الاثنين.", "السدود"));
    persian =
        articles.publish(
            ArticleFixtures.inLanguage(
                "fa", "تعمیر سد آغاز شد", "کار از روز دوشنبه شروع می‌شود.", "سدها"));
  }

  @Test
  void eachEditionsFrontPageListsItsLanguageInItsOwnWords() {
    HttpResponse<String> ckb = web.get("/ckb/");
    HttpResponse<String> root = web.get("/");

    assertThat(ckb.statusCode()).isEqualTo(200);
    assertThat(ckb.body())
        .contains("<html lang=\"ckb\" dir=\"rtl\">")
        .contains(sorani.headline())
        .doesNotContain(english.headline())
        .doesNotContain(arabic.headline())
        .contains(Texts.of("ckb").get("home.title"))
        .contains(Texts.of("ckb").get("site.footer.moderated"))
        .doesNotContain(Texts.of("en").get("site.footer.moderated"))
        .contains("href=\"/ckb/feed.atom\"");
    assertThat(root.body())
        .contains("<html lang=\"en\" dir=\"ltr\">")
        .contains(english.headline())
        .doesNotContain(sorani.headline());
  }

  @Test
  void everyPageOffersEveryEditionInItsOwnLanguage() {
    String page = web.get("/ar/").body();

    assertThat(page)
        .contains("<a href=\"/ckb/\" lang=\"ckb\" dir=\"rtl\" hreflang=\"ckb\"")
        .contains("<a href=\"/kmr/\" lang=\"kmr\" dir=\"ltr\" hreflang=\"kmr\"")
        .contains("<a href=\"/\" lang=\"en\" dir=\"ltr\" hreflang=\"en\"")
        .contains(Texts.of("tr").get("edition.name"))
        .contains("<a href=\"/ar/\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\" aria-current=\"true\"");
  }

  @Test
  void theDefaultEditionLivesAtTheRootAndUnknownEditionsAreNotFound() {
    HttpResponse<String> en = web.get("/en/");
    HttpResponse<String> unknown = web.get("/xx/");

    assertThat(en.statusCode()).isEqualTo(301);
    assertThat(en.headers().firstValue("Location").orElseThrow()).endsWith("/");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .contains("<html lang=\"en\" dir=\"ltr\">")
        .contains(Texts.of("en").get("error.404.title"));
  }

  @Test
  void anArticlePageSpeaksTheArticlesLanguageWithItsDatesAndDigits() {
    String page = web.get(sorani.path()).body();
    Texts ckb = Texts.of("ckb");

    assertThat(page)
        .contains("<html lang=\"ckb\" dir=\"rtl\">")
        .contains(ckb.get("comments.moderated"))
        .contains(ckb.get("form.submit"))
        .contains(ckb.date(sorani.publishedAt()))
        .contains(ckb.get("comments.count", 0))
        .contains("href=\"/ckb/tags/")
        .doesNotContain(Texts.of("en").get("form.submit"));
    // Sorani writes its dates in Arabic-Indic digits.
    assertThat(ckb.date(sorani.publishedAt()))
        .containsPattern("[٠-٩]")
        .doesNotContainPattern("[0-9]");
  }

  @Test
  void formErrorsAreInTheArticlesLanguage() {
    HttpResponse<String> response =
        web.submitForm(
            arabic.path(),
            arabic.path() + "/comments",
            Map.of("name", "سلمى", "email", "not-an-email", "text", "شكرا"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains(Texts.of("ar").get("form.error.email.invalid"))
        .contains(Texts.of("ar").get("form.errors"))
        .doesNotContain(Texts.of("en").get("form.error.email.invalid"));
  }

  @Test
  void aCommentInAnotherScriptIsAcceptedAndItsStatusPageKeepsEachTextsDirection() {
    HttpResponse<String> posted =
        web.submitForm(
            persian.path(),
            persian.path() + "/comments",
            Map.of("name", "Sara", "email", "sara@example.org", "text", "Good news for farmers."));
    String status =
        web.get(
                posted
                    .headers()
                    .firstValue("Location")
                    .orElseThrow()
                    .replaceFirst("^https?://[^/]+", "")
                    .replaceFirst("#.*$", ""))
            .body();

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(status)
        .contains("<html lang=\"fa\" dir=\"rtl\">")
        .contains("<h1 lang=\"fa\" dir=\"rtl\">")
        .contains(Texts.of("fa").get("status.pending.title"))
        .contains("<p class=\"comment-text\" dir=\"auto\">Good news for farmers.</p>");
  }

  @Test
  void linkedTranslationsPointAtEachOtherInPagesAndTheSitemap() {
    articles.linkTranslation(sorani.slug(), english.slug(), "editor@example.org");
    articles.linkTranslation(arabic.slug(), sorani.slug(), "editor@example.org");

    String englishPage = web.get(english.path()).body();
    String sitemap = web.get("/sitemap.xml").body();

    assertThat(englishPage)
        .contains("hreflang=\"ckb\" href=\"http://localhost:" + port + sorani.path() + "\"")
        .contains("hreflang=\"ar\" href=\"http://localhost:" + port + arabic.path() + "\"")
        .contains("<a href=\"http://localhost:" + port + sorani.path() + "\" lang=\"ckb\"")
        .doesNotContain("hreflang=\"fa\" href=\"http://localhost");
    assertThat(sitemap)
        .contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"")
        .containsPattern(
            "<loc>[^<]*"
                + english.path()
                + "</loc>.*hreflang=\"ckb\" href=\"[^\"]*"
                + sorani.path());
  }

  @Test
  void aTranslationTakenOffTheSiteLeavesItsPartnersPages() {
    articles.linkTranslation(sorani.slug(), english.slug(), "editor@example.org");
    assertThat(web.get(english.path()).body()).contains("rel=\"alternate\" hreflang=\"ckb\"");

    articles.setPublished(sorani.slug(), false, "editor@example.org");

    assertThat(web.get(english.path()).body()).doesNotContain("rel=\"alternate\" hreflang=\"ckb\"");
  }

  @Test
  void aSecondTranslationInTheSameLanguageIsRefused() {
    articles.linkTranslation(sorani.slug(), english.slug(), "editor@example.org");
    Article another =
        articles.publish(ArticleFixtures.inLanguage("ckb", "هەواڵێکی تر", "دەق.", "بەنداو"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> articles.linkTranslation(another.slug(), english.slug(), "editor@example.org"))
        .hasMessageContaining("already has an article in this article's language");
  }

  @Test
  void editionFeedsAndTopicsHoldOnlyTheirLanguage() {
    String feed = web.get("/ar/feed.atom").body();
    HttpResponse<String> topic = web.get(arabic.tagPath(arabic.tags().get(0)));
    HttpResponse<String> otherEditionsTopic = web.get("/fa/tags/" + arabic.tags().get(0).slug());

    assertThat(feed)
        .contains("xml:lang=\"ar\"")
        .contains(arabic.headline())
        .doesNotContain(english.headline())
        .contains(Texts.of("ar").get("site.feed.title", "Diwan"));
    assertThat(topic.statusCode()).isEqualTo(200);
    assertThat(topic.body()).contains("<html lang=\"ar\" dir=\"rtl\">").contains(arabic.headline());
    assertThat(otherEditionsTopic.statusCode()).isEqualTo(404);
    assertThat(otherEditionsTopic.body()).contains("<html lang=\"fa\" dir=\"rtl\">");
  }

  @Test
  void aBadCommentsCursorIsExplainedInTheArticlesLanguage() {
    HttpResponse<String> response = web.get(sorani.path() + "?comments=not-a-cursor");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<html lang=\"ckb\" dir=\"rtl\">")
        .contains(Texts.of("ckb").get("problem.comments.page-invalid.text"));
  }
}
