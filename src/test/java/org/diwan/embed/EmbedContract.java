package org.diwan.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The embed's rules over real HTTP, against each database: only origins on the admin's list get the
 * comment section, framed by that origin only; every other page still refuses framing; a host story
 * becomes one external article, never shown on Diwan's own pages; a reader posts from the embed
 * with the CSRF token and gets the status link.
 */
@TestPropertySource(
    properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
abstract class EmbedContract {

  static final String HOST = "http://host.example:8081";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired EmbedSites sites;
  @Autowired Articles articles;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @Autowired StaffAccounts accounts;

  WebClient web;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    jdbc.sql("DELETE FROM embed_site").update();
    sites.add(HOST, "admin@example.org");
  }

  static String embed(String origin, String url, String... more) {
    StringBuilder path =
        new StringBuilder("/embed?origin=").append(enc(origin)).append("&url=").append(enc(url));
    for (int i = 0; i < more.length; i += 2) {
      path.append('&').append(more[i]).append('=').append(enc(more[i + 1]));
    }
    return path.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private long externals() {
    return jdbc.sql("SELECT COUNT(*) FROM article WHERE external_url IS NOT NULL")
        .query(Long.class)
        .single();
  }

  @Test
  void anOriginNotOnTheListIsToldPlainlyAndNothingIsCreated() {
    long before = externals();
    HttpResponse<String> refused =
        web.get(embed("https://elsewhere.example", "https://elsewhere.example/story"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .contains("This site is not allowed to show")
        .contains("/admin/sites")
        .contains("https://elsewhere.example");
    assertThat(refused.body()).doesNotContain("<form");
    assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow())
        .endsWith("frame-ancestors *");
    assertThat(refused.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(externals()).isEqualTo(before);
  }

  @Test
  void anAllowedOriginGetsTheCommentSectionThatOnlyItMayFrame() {
    HttpResponse<String> page =
        web.get(embed(HOST + "/", HOST + "/2026/ferry#top", "title", "Ferry back", "lang", "ckb"));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors " + HOST)
        .doesNotContain("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(page.body())
        .contains("lang=\"ckb\" dir=\"rtl\" data-host-origin=\"" + HOST + "\"")
        .contains("class=\"moderated\"")
        .contains("class=\"guidelines\"")
        .contains("class=\"comment-form\"")
        .contains("action=\"/embed/comments\"")
        .contains("name=\"_csrf\"");
  }

  /**
   * Over HTTPS (here as a trusted proxy reports it) the embed's token cookie is one a cross-site
   * frame sends, kept per host site; the site's other pages keep the usual cookie.
   */
  @Test
  void overHttpsTheEmbedsTokenCookieIsPartitionedAndSentCrossSite() {
    HttpResponse<String> framed =
        web.send("GET", embed(HOST, HOST + "/cookie"), null, "X-Forwarded-Proto", "https");
    assertThat(framed.statusCode()).isEqualTo(200);
    assertThat(String.join("\n", framed.headers().allValues("Set-Cookie")))
        .contains("XSRF-TOKEN=", "SameSite=None", "Secure", "Partitioned");

    WebClient reader =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    HttpResponse<String> page =
        reader.send("GET", "/search?q=ferry", null, "X-Forwarded-Proto", "https");
    assertThat(String.join("\n", page.headers().allValues("Set-Cookie")))
        .doesNotContain("SameSite=None", "Partitioned");
    HttpResponse<String> plain =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class))
            .get(embed(HOST, HOST + "/cookie"));
    assertThat(String.join("\n", plain.headers().allValues("Set-Cookie")))
        .contains("XSRF-TOKEN=")
        .doesNotContain("SameSite=None", "Partitioned");
  }

  @Test
  void everyOtherPageStillRefusesToBeFramed() {
    for (String path : new String[] {"/", "/search?q=ferry", "/login", "/embed.js"}) {
      HttpResponse<String> page = web.get(path);
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .as(path)
          .contains("frame-ancestors 'none'");
      assertThat(page.headers().firstValue("X-Frame-Options").orElseThrow())
          .as(path)
          .isEqualTo("DENY");
    }
  }

  @Test
  void anUnknownLanguageGetsTheDefaultEdition() {
    HttpResponse<String> page = web.get(embed(HOST, HOST + "/lang-test", "lang", "xx"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"" + org.diwan.site.Texts.defaultEdition().lang());
  }

  @Test
  void aStoryBecomesOneExternalArticleFoundAgainByAddressOrId() {
    long before = externals();
    web.get(embed(HOST, HOST + "/once", "title", "Once only"));
    web.get(embed(HOST, HOST + "/once#comments", "title", "Once only"));
    assertThat(externals()).isEqualTo(before + 1);
    assertThat(articles.findExternal(HOST + "/once", null).orElseThrow().headline())
        .isEqualTo("Once only");

    web.get(embed(HOST, HOST + "/by-id?v=1", "id", "story-42"));
    web.get(embed(HOST, HOST + "/by-id?v=2", "id", "story-42"));
    assertThat(externals()).isEqualTo(before + 2);
    assertThat(articles.findExternal(HOST + "/by-id?v=1", null).orElseThrow().headline())
        .as("headline from the URL when the element gives none")
        .isEqualTo(HOST + "/by-id?v=1");
  }

  @Test
  void externalArticlesNeverAppearOnDiwansOwnPages() {
    articles.publish(ArticleFixtures.english("Our own ferry story"));
    web.get(embed(HOST, HOST + "/hidden", "title", "Hidden harbour ferry", "lang", "en"));
    String slug = articles.findExternal(HOST + "/hidden", null).orElseThrow().slug();
    for (String path :
        new String[] {
          "/",
          "/en",
          "/search?q=harbour",
          "/api/search?q=harbour",
          "/api/articles",
          "/feed.atom",
          "/en/feed.atom",
          "/sitemap.xml"
        }) {
      HttpResponse<String> page = web.get(path);
      assertThat(page.body()).as(path).doesNotContain("Hidden harbour ferry").doesNotContain(slug);
    }
    assertThat(web.get("/articles/" + slug).statusCode()).isEqualTo(404);
    assertThat(web.get("/").body()).contains("Our own ferry story");
  }

  @Test
  void aStoryAddressOffTheOriginOrTooLongIsRefusedAndCreatesNothing() {
    long before = externals();
    HttpResponse<String> other = web.get(embed(HOST, "https://elsewhere.example/story"));
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).contains("must be an http or https address on " + HOST);
    assertThat(web.get(embed(HOST, "javascript:alert(1)")).statusCode()).isEqualTo(400);
    assertThat(web.get(embed(HOST, HOST + "/" + "a".repeat(2100))).statusCode()).isEqualTo(400);
    assertThat(web.get(embed(HOST, HOST + "/x", "id", "<script>")).statusCode()).isEqualTo(400);
    assertThat(externals()).isEqualTo(before);
  }

  @Test
  void aReaderPostsFromTheEmbedAndGetsTheStatusLink() {
    String path = embed(HOST, HOST + "/posting", "title", "Posting story", "lang", "en");
    Matcher token = CSRF.matcher(web.get(path).body());
    assertThat(token.find()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("origin", HOST);
    fields.put("url", HOST + "/posting");
    fields.put("lang", "en");
    fields.put("name", "Dilan");
    fields.put("email", "dilan@example.org");
    fields.put("text", "The ferry timetable should be posted at the pier as well.");

    HttpResponse<String> forged =
        web.post("/embed/comments", "application/x-www-form-urlencoded", WebClient.form(fields));
    assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);

    fields.put("_csrf", token.group(1));
    HttpResponse<String> posted =
        web.post("/embed/comments", "application/x-www-form-urlencoded", WebClient.form(fields));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(posted.body()).containsPattern("class=\"status-link\" href=\"/comments/[^\"]+\"");
    assertThat(posted.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors " + HOST);
    long articleId = articles.findExternal(HOST + "/posting", null).orElseThrow().id();
    assertThat(
            jdbc.sql("SELECT status FROM comment WHERE article_id = ?")
                .param(articleId)
                .query(String.class)
                .list())
        .containsExactly("PENDING");

    HttpResponse<String> again =
        web.post("/embed/comments", "application/x-www-form-urlencoded", WebClient.form(fields));
    assertThat(again.statusCode()).as("the same text twice").isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Security-Policy").orElseThrow())
        .as("explained inside the frame")
        .contains("frame-ancestors " + HOST);

    WebClient moderator =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class))
            .logIn(StaffFixtures.member(accounts, Role.MODERATOR), StaffFixtures.PASSWORD);
    assertThat(moderator.get("/moderation").body())
        .as("the card names the host page and links to it")
        .contains("<a href=\"" + HOST + "/posting\"")
        .contains("embedded on <bdi dir=\"ltr\">" + HOST + "/posting</bdi>");
  }

  @Test
  void postingWithBadFieldsShowsTheEmbedAgainWithTheErrors() {
    String path = embed(HOST, HOST + "/errors", "lang", "en");
    Matcher token = CSRF.matcher(web.get(path).body());
    assertThat(token.find()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", token.group(1));
    fields.put("origin", HOST);
    fields.put("url", HOST + "/errors");
    fields.put("name", "Dilan");
    fields.put("email", "not an address");
    fields.put("text", "A comment.");
    HttpResponse<String> shown =
        web.post("/embed/comments", "application/x-www-form-urlencoded", WebClient.form(fields));
    assertThat(shown.statusCode()).isEqualTo(400);
    assertThat(shown.body()).contains("class=\"form-errors\"").contains("A comment.");
    assertThat(shown.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors " + HOST);
  }

  @Test
  void originsAreCheckedAndEachChangeIsAudited() {
    assertThatThrownBy(() -> sites.add("https://news.example/path", "a@example.org"))
        .isInstanceOf(InvalidEmbed.class);
    assertThatThrownBy(() -> sites.add("ftp://news.example", "a@example.org"))
        .isInstanceOf(InvalidEmbed.class);
    assertThatThrownBy(() -> sites.add(HOST, "a@example.org")).isInstanceOf(InvalidEmbed.class);
    assertThat(sites.add("HTTPS://News.Example:443/", "a@example.org"))
        .isEqualTo("https://news.example");
    sites.remove("https://news.example", "a@example.org");
    assertThat(
            jdbc.sql("SELECT action FROM audit_event WHERE subject = ? ORDER BY id")
                .param("https://news.example")
                .query(String.class)
                .list())
        .containsExactly("embed-site.added", "embed-site.removed");
    assertThat(sites.allows("https://news.example")).isFalse();
  }
}
