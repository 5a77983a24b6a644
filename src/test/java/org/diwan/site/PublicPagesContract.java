package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentDecisions;
import org.diwan.guideline.GuidelineCode;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/** The server-rendered pages a reader uses, over HTTP, against each supported database. */
abstract class PublicPagesContract {

  @Autowired Articles articles;
  @Autowired CommentDecisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  WebClient web;
  Article article;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    article = articles.publish(ArticleFixtures.english("Libraries open later"));
  }

  private HttpResponse<String> postComment(String name, String email, String text) {
    return web.submitForm(
        article.path(),
        article.path() + "/comments",
        Map.of("name", name, "email", email, "text", text));
  }

  private long commentCount() {
    return jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
  }

  @Test
  void articlePageShowsTheStoryGuidelinesAndForm() {
    HttpResponse<String> page = web.get(article.path());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Libraries open later</h1>")
        .contains("<span class=\"dateline\">ERBIL, Kurdistan Region –</span>")
        .contains("class=\"pull-quote\"")
        .contains("href=\"/en/tags/city-council\"")
        .contains("All comments are moderated")
        .contains("No threats")
        .contains("name=\"_csrf\"")
        .contains("name=\"email\"")
        .contains("property=\"og:title\"")
        .contains("data-font=\"up\"")
        .doesNotContain("Updated at");
  }

  @Test
  void formPostRedirectsToAPrivateStatusPage() {
    HttpResponse<String> response = postComment("Shirin", "shirin@example.org", "Good to hear.");

    assertThat(response.statusCode()).isEqualTo(303);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/comments/[0-9a-f]{11}[A-Za-z0-9_-]{43}#status");

    HttpResponse<String> status =
        web.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", ""));
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("Awaiting moderation").contains("Good to hear.");
    assertThat(status.body()).contains("noindex");
    assertThat(status.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(status.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  @Test
  void formErrorsAreShownBesideFieldsWithInputKept() {
    long before = commentCount();

    HttpResponse<String> response = postComment("<b>Rezan</b>", "not-an-email", "My <i>view</i>");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("id=\"email-error\"")
        .contains("This does not look like an email address")
        .contains("value=\"&lt;b>Rezan&lt;/b>\"")
        .contains("My &lt;i&gt;view&lt;/i&gt;</textarea>")
        .doesNotContain("<b>Rezan</b>");
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void formOverTheSizeLimitGetsAReadablePageAndStoresNothing() {
    long before = commentCount();

    HttpResponse<String> response = postComment("A", "a@example.org", "x".repeat(70_000));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("too much to send at once");
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void formWithInvalidUtf8IsRefusedAndStoresNothing() {
    long before = commentCount();
    Matcher token =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(web.get(article.path()).body());
    assertThat(token.find()).isTrue();

    HttpResponse<String> response =
        web.post(
            article.path() + "/comments",
            "application/x-www-form-urlencoded",
            "name=A%C3&email=a%40example.org&text=bad%FF%FE&_csrf=" + token.group(1));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("could not be read").doesNotContain("Exception");
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void formWithoutCsrfTokenIsRefusedWithAReadablePage() {
    HttpResponse<String> response =
        web.post(
            article.path() + "/comments",
            "application/x-www-form-urlencoded",
            WebClient.form(Map.of("name", "A", "email", "a@example.org", "text", "Hi")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("The form could not be accepted")
        .doesNotContain("Exception");
  }

  @Test
  void approvedCommentsAppearOldestFirstWithoutEmailAndEscaped() {
    long before = commentCount();
    postComment("Ava", "ava-secret@example.org", "First <script>alert(1)</script>");
    postComment("Bo", "bo@example.org", "Second");
    postComment("Cy", "cy@example.org", "Never approved");
    var ids =
        jdbc.sql("SELECT id FROM comment WHERE article_id = ? ORDER BY id")
            .param(article.id())
            .query(Long.class)
            .list();
    assertThat(commentCount()).isEqualTo(before + 3);
    decisions.approve(ids.get(1));
    decisions.approve(ids.get(0));

    String body = web.get(article.path()).body();

    assertThat(body.indexOf("First &lt;script&gt;"))
        .isPositive()
        .isLessThan(body.indexOf("Second"));
    assertThat(body).doesNotContain("Never approved").doesNotContain("ava-secret");
    assertThat(body).doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void cachedArticlePageIsNeverStaleOnceADecisionReturns() throws Exception {
    WebClient reader =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    AtomicBoolean reading = new AtomicBoolean(true);
    // Another reader keeps the page hot (and the cache busy re-rendering) throughout.
    Thread hammer =
        new Thread(
            () -> {
              while (reading.get()) {
                reader.get(article.path());
              }
            });
    hammer.start();
    try {
      for (int round = 0; round < 12; round++) {
        String approved = "Approved in round " + round;
        String rejected = "Rejected in round " + round;
        postComment("Ava", "ava@example.org", approved);
        postComment("Bo", "bo@example.org", rejected);
        var ids =
            jdbc.sql("SELECT id FROM comment WHERE article_id = ? ORDER BY id DESC LIMIT 2")
                .param(article.id())
                .query(Long.class)
                .list();
        assertThat(web.get(article.path()).body()).doesNotContain(approved);

        decisions.approve(ids.get(1));
        decisions.reject(ids.get(0), Set.of(GuidelineCode.OFF_TOPIC), null);

        assertThat(web.get(article.path()).body()).contains(approved).doesNotContain(rejected);
      }
    } finally {
      reading.set(false);
      hammer.join();
    }
  }

  @Test
  void everyReaderGetsTheirOwnCsrfTokenFromTheCachedPage() {
    WebClient other =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    Pattern token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    var first = token.matcher(web.get(article.path()).body());
    var second = token.matcher(other.get(article.path()).body());

    assertThat(first.find()).isTrue();
    assertThat(second.find()).isTrue();
    assertThat(first.group(1)).isNotEqualTo(second.group(1));
    assertThat(postComment("Ava", "ava@example.org", "Posted from the cached page.").statusCode())
        .isEqualTo(303);
  }

  @Test
  void rejectedStatusPageShowsTheGuidelinesBroken() {
    String location =
        postComment("Dara", "dara@example.org", "Visit my shop")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    long id =
        jdbc.sql("SELECT MAX(id) FROM comment WHERE article_id = ?")
            .param(article.id())
            .query(Long.class)
            .single();
    decisions.reject(id, Set.of(GuidelineCode.PROMOTION), "Links to shops are not allowed.");

    String body =
        web.get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "")).body();

    assertThat(body)
        .contains("Not published")
        .contains("No advertising or spam")
        .contains("Links to shops are not allowed.");
  }

  @Test
  void closedArticleShowsNoFormAndRefusesPosts() {
    Article closed = articles.publish(ArticleFixtures.closed("Closed story"));

    String page = web.get(closed.path()).body();
    assertThat(page)
        .contains("Comments on this article are closed")
        .doesNotContain("name=\"email\"");

    HttpResponse<String> response =
        web.submitForm(
            article.path(),
            closed.path() + "/comments",
            Map.of("name", "A", "email", "a@example.org", "text", "Hi"));
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("Comments on this article are closed");
  }

  @Test
  void updatedArticleSaysWhen() {
    articles.revise(
        article.slug(),
        new org.diwan.article.ArticleEdit(
            article.headline(),
            article.source(),
            article.dateline(),
            article.body() + "\n\nA correction.",
            List.of("Libraries"),
            article.language()),
        "editor@example.org");

    assertThat(web.get(article.path()).body()).contains("Updated at");
  }

  @Test
  void rightToLeftArticleIsMarkedRtl() {
    Article sorani = articles.publish(ArticleFixtures.sorani("کتێبخانەکان درەنگتر دادەخرێن"));

    assertThat(web.get(sorani.path()).body()).contains("lang=\"ckb\" dir=\"rtl\"");
  }

  @Test
  void homeAndTagPagesListArticles() {
    assertThat(web.get("/").body()).contains(article.path());
    assertThat(web.get("/tags/libraries").body())
        .contains(article.path())
        .contains("<h1><bdi>Libraries</bdi></h1>");
    assertThat(web.get("/tags/no-such-topic").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownPageIsAFriendly404() {
    for (String path :
        new String[] {"/articles/no-such-story", "/nothing/here", "/comments/short"}) {
      HttpResponse<String> response = web.get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).contains("<!DOCTYPE html>").doesNotContain("Exception");
    }
  }

  @Test
  void feedAndSitemapAreWellFormedXml() throws Exception {
    HttpResponse<String> feed = web.get("/feed.atom");
    assertThat(feed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
    Document atom = parse(feed.body());
    assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
    assertThat(feed.body()).contains(article.path());

    Document sitemap = parse(web.get("/sitemap.xml").body());
    assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
    assertThat(sitemap.getElementsByTagNameNS("*", "loc").getLength()).isGreaterThan(1);
  }

  @Test
  void pagesCarrySecurityHeaders() {
    HttpResponse<String> page = web.get(article.path());

    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("JSESSIONID");
  }

  @Test
  void stylesAndScriptsAreKeptByBrowsersUntilTheyChange() throws Exception {
    String page = web.get(article.path()).body();
    Matcher link = Pattern.compile("href=\"(/css/site\\.css\\?v=([0-9a-f]{12}))\"").matcher(page);
    assertThat(link.find()).as("the page links the stylesheet by its content hash").isTrue();
    assertThat(page).containsPattern("src=\"/js/fontsize\\.js\\?v=[0-9a-f]{12}\"");
    // The version is the file's own: a release that changes the file changes its address.
    assertThat(link.group(2)).isEqualTo(sha256Prefix("/static/css/site.css"));

    HttpResponse<String> versioned = web.get(link.group(1));
    assertThat(versioned.statusCode()).isEqualTo(200);
    assertThat(versioned.body()).contains("{");
    assertThat(versioned.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(versioned.headers().firstValue("Pragma")).isEmpty();

    // Without the hash, or with a past release's, the browser must ask again; unchanged: 304.
    for (String path : List.of("/css/site.css", "/css/site.css?v=000000000000")) {
      HttpResponse<String> plain = web.get(path);
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(plain.headers().firstValue("Cache-Control")).contains("no-cache");
      String lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();
      assertThat(web.send("GET", path, null, "If-Modified-Since", lastModified).statusCode())
          .isEqualTo(304);
    }
  }

  private static String sha256Prefix(String resource) throws Exception {
    try (InputStream in = PublicPagesContract.class.getResourceAsStream(resource)) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      return HexFormat.of().formatHex(digest).substring(0, 12);
    }
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
