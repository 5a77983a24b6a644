package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.NewArticle;
import org.diwan.article.Section;
import org.diwan.article.Sections;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Reading the site as a newspaper, over HTTP against each database: sections and their pages back
 * to the first story, the front page, search in every script with its variant spellings, related
 * and most-read stories, and the bad input a search box and a page number get.
 */
abstract class ReadingContract {

  private static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131 Safari/537";

  @Autowired Articles articles;
  @Autowired Sections sections;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired Environment environment;

  WebClient web;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private Article publish(
      String language, String headline, String body, String section, Instant at, String... tags) {
    return articles.publish(
        new NewArticle(
            "test-" + UUID.randomUUID(),
            headline,
            "Diwan",
            "",
            body,
            language,
            List.of(tags),
            List.of(),
            at,
            true,
            true,
            section));
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void aSectionIsPagedBackToItsFirstStoryAndAPagePastTheEndIsAClear404() {
    Section section = sections.create("ckb", "هەواڵی " + unique(), "s-" + unique(), "editor");
    Instant first = Instant.parse("2020-01-01T08:00:00Z");
    for (int i = 0; i < 45; i++) {
      publish(
          "ckb",
          "هەواڵی ژمارە " + i,
          "دەقی هەواڵ.",
          section.slug(),
          first.plus(Duration.ofDays(i)),
          "تاقیکردنەوە");
    }

    HttpResponse<String> one = web.get(section.path());
    HttpResponse<String> three = web.get(section.path() + "?page=3");
    HttpResponse<String> four = web.get(section.path() + "?page=4");

    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body())
        .contains("<html lang=\"ckb\" dir=\"rtl\">")
        .contains("هەواڵی ژمارە 44")
        .doesNotContain("هەواڵی ژمارە 24<")
        .contains("rel=\"next\" href=\"" + section.path() + "?page=2\"")
        .contains("aria-current=\"page\"><bdi>" + section.name());
    // Under the section's own heading a teaser names its topic, not the section again.
    assertThat(one.body())
        .doesNotContain("class=\"kicker\"><a href=\"" + section.path())
        .contains("class=\"kicker\"><a href=\"/ckb/tags/");
    assertThat(three.body())
        .contains("هەواڵی ژمارە 0<")
        .contains("هەواڵی ژمارە 4<")
        .doesNotContain("rel=\"next\"")
        .contains("rel=\"prev\" href=\"" + section.path() + "?page=2\"");
    assertThat(four.statusCode()).isEqualTo(404);
    assertThat(four.body())
        .contains("<html lang=\"ckb\" dir=\"rtl\">")
        .contains(Texts.of("ckb").get("problem.page.not-found.text"));
    assertThat(web.get(section.path() + "?page=abc").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = web.get("/ckb/sections/no-such-" + unique());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains(Texts.of("ckb").get("problem.section.not-found.title"));
    assertThat(web.get("/sitemap.xml").body()).contains(section.path() + "</loc>");
  }

  @Test
  void theFrontPageLeadsWithTheNewestStoryThenEachSectionWithCommentCountsAsTheyChange() {
    String lang = "tr";
    Section section = sections.create(lang, "Ekonomi " + unique(), "e-" + unique(), "editor");
    Article filed =
        publish(lang, "Borsa güne yükselişle başladı " + unique(), "Metin.", section.slug(), null);
    // Served once before the lead and the comments exist: what the page keeps must not hide them.
    assertThat(web.get("/tr/").body()).contains(filed.headline());
    Article lead = publish(lang, "Van Gölü kıyısında yeni park " + unique(), "Metin.", null, null);
    for (int i = 0; i < 2; i++) {
      long id =
          submission
              .submit(
                  new SubmitComment(filed.slug(), "Okur", "okur@example.org", "Güzel haber " + i))
              .id();
      decisions.approve(id);
    }

    String front = web.get("/tr/").body();

    assertThat(front.indexOf("class=\"lead\"")).isLessThan(front.indexOf(lead.headline()));
    String block = "id=\"section-" + section.slug() + "\"";
    assertThat(front.indexOf(lead.headline())).isLessThan(front.indexOf(block));
    assertThat(front.substring(front.indexOf(block)))
        .contains(filed.headline())
        .contains(Texts.of(lang).get("comments.count", 2))
        .doesNotContain("class=\"kicker\"><a href=\"" + section.path());
    assertThat(front).contains("href=\"" + section.path() + "\"");
  }

  @Test
  void soraniAndArabicStoriesAreFoundWithOrWithoutMarksAndVariantLetters() {
    String nonce = unique();
    Article sorani =
        publish(
            "ckb",
            "ئەنجومەنی پارێزگای دهۆک بودجەی نوێی پەسەند کرد " + nonce,
            "ئەندامانی ئەنجومەن دوای گفتوگۆیەکی درێژ دەنگیان دا.",
            null,
            null);
    Article arabic =
        publish(
            "ar",
            "افتتاح المَكْتَبَةِ المركزية في البصرة " + nonce,
            "استقبلت المكتبة أول زوارها صباح الأحد.",
            null,
            null);

    // Sorani typed with an Arabic keyboard: Arabic yeh, no small v.
    HttpResponse<String> ckb = web.get("/ckb/search?q=" + q("پاريزگاي دهوک " + nonce));
    // Arabic without its vowel marks, with the definite article and teh marbuta as heh.
    HttpResponse<String> ar = web.get("/ar/search?q=" + q("مكتبه " + nonce));
    HttpResponse<String> marked = web.get("/ar/search?q=" + q("المَكْتَبَة " + nonce));

    assertThat(ckb.statusCode()).isEqualTo(200);
    assertThat(ckb.body()).contains(sorani.path()).contains("<mark>پارێزگای</mark>");
    assertThat(ar.body()).contains(arabic.path()).contains("<mark>المَكْتَبَةِ</mark>");
    assertThat(marked.body()).contains(arabic.path());
    assertThat(web.getJson("/api/search?q=" + q("مكتبة " + nonce) + "&lang=ar").body())
        .contains("\"slug\":\"" + arabic.slug() + "\"");
    assertThat(web.getJson("/api/search?q=" + q("مكتبة " + nonce) + "&lang=ckb").body())
        .doesNotContain(arabic.slug());
  }

  @Test
  void searchAnswersEveryKindOfBadQueryClearly() {
    Texts en = Texts.of("en");
    for (String query :
        List.of(
            "\"",
            "*",
            "NEAR(",
            "-",
            "' OR 1=1 --",
            "\" * NEAR(a b) -c AND OR NOT ^x:y",
            "Erbil بازاڕ Hewlêr ٢٠٢٦",
            "…!?؟،")) {
      HttpResponse<String> page = web.get("/search?q=" + q(query));
      HttpResponse<String> api = web.getJson("/api/search?q=" + q(query));
      assertThat(page.statusCode()).as(query).isEqualTo(200);
      assertThat(api.statusCode()).as(query).isEqualTo(200);
    }
    assertThat(web.get("/search?q=" + q("…!?")).body()).contains(en.get("search.noWords"));
    String longQuery = "word ".repeat(2000);
    HttpResponse<String> shortened = web.get("/en/search?q=" + q(longQuery.substring(0, 6000)));
    assertThat(shortened.statusCode()).isEqualTo(200);
    assertThat(shortened.body()).contains("maxlength=\"200\"");
    HttpResponse<String> tooLong = web.get("/en/search?q=" + q("x".repeat(10_000)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body())
        .contains(en.get("error.400.long"))
        .doesNotContain("Exception")
        .doesNotContain("Tomcat");
    HttpResponse<String> many = web.get("/en/search?q=" + q("a b c d e f g h i j k"));
    assertThat(many.body()).contains(en.get("search.shortened", en.number(8)));
    assertThat(web.get("/search?q=dam&page=999").body()).contains(en.get("search.noMore"));
    assertThat(web.getJson("/api/search?q=dam&lang=zz").statusCode()).isEqualTo(400);
    assertThat(web.getJson("/api/search?q=dam&page=0").statusCode()).isEqualTo(400);
  }

  @Test
  void relatedStoriesShareTagsInTheSameLanguage() {
    String tag = "Baraj " + unique();
    Article one = publish("tr", "Baraj onarımı başladı " + unique(), "Metin.", null, null, tag);
    Article two = publish("tr", "Baraj suyu yükseldi " + unique(), "Metin.", null, null, tag);
    Article other = publish("kmr", "Bendav " + unique(), "Nivîs.", null, null, tag);

    String page = web.get(one.path()).body();

    assertThat(page).contains(Texts.of("tr").get("related.title"));
    assertThat(page.substring(page.indexOf("class=\"related\"")))
        .contains(two.path())
        .doesNotContain(other.path());
  }

  @Test
  void mostReadCountsBrowserReadsNotCrawlersAndKeepsNothingAboutTheReader() {
    Article read = publish("kmr", "Pira Delalê " + unique(), "Nivîs.", null, null);
    Article unread = publish("kmr", "Pirtûkxane " + unique(), "Nivîs.", null, null);
    for (int i = 0; i < 30; i++) {
      assertThat(web.send("GET", read.path(), null, "User-Agent", BROWSER).statusCode())
          .isEqualTo(200);
    }
    for (int i = 0; i < 50; i++) {
      web.send("GET", unread.path(), null, "User-Agent", "Googlebot/2.1");
    }
    articles.writeReads();

    List<Article> most = articles.mostRead("kmr", 10);

    assertThat(most).extracting(Article::slug).contains(read.slug()).doesNotContain(unread.slug());
    assertThat(web.get("/kmr/").body()).contains(Texts.of("kmr").get("front.mostRead"));
  }

  @Test
  void tagPagesArePagedToo() {
    String tag = "Arşîv " + unique();
    for (int i = 0; i < 21; i++) {
      publish(
          "kmr",
          "Nûçe " + i + " " + tag,
          "Nivîs.",
          null,
          Instant.parse("2021-01-01T00:00:00Z").plus(Duration.ofHours(i)),
          tag);
    }
    String slug = org.diwan.article.Tag.named(tag).slug();

    assertThat(web.get("/kmr/tags/" + slug).body()).contains("rel=\"next\"");
    assertThat(web.get("/kmr/tags/" + slug + "?page=2").body()).contains("Nûçe 0 ");
    assertThat(web.get("/kmr/tags/" + slug + "?page=3").statusCode()).isEqualTo(404);
  }
}
