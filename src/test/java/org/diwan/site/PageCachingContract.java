package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmittedComment;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What a browser may keep of the public pages and how it asks again (a validator, {@code no-cache},
 * 304s), that the comment form in a kept page still posts, what is never kept, and which answers
 * are compressed: over HTTP, against each supported database.
 */
abstract class PageCachingContract {

  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired Environment environment;

  WebClient web;
  Article article;

  @BeforeEach
  void setUp() {
    web = reader();
    article = articles.publish(ArticleFixtures.english("Bridges reopen after repairs"));
  }

  private WebClient reader() {
    return new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElseThrow();
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static String token(String page) {
    Matcher token = TOKEN.matcher(page);
    assertThat(token.find()).as("the page's comment form").isTrue();
    return token.group(1);
  }

  private static HttpResponse<String> ifNoneMatch(WebClient client, String path, String etag) {
    return client.send("GET", path, null, "If-None-Match", etag);
  }

  private HttpResponse<String> postForm(WebClient client, Map<String, String> fields) {
    return client.post(
        article.path() + "/comments", "application/x-www-form-urlencoded", WebClient.form(fields));
  }

  private HttpResponse<String> postWithToken(WebClient client, String token) {
    return postForm(
        client,
        Map.of(
            "name",
            "Rozh",
            "email",
            CommentFixtures.email(),
            "text",
            "Good news for the market traders.",
            "_csrf",
            token));
  }

  @Test
  void pagesTheSameForEveryReaderAreRevalidatedAndAnswered304WhileUnchanged() {
    for (String path : List.of("/", "/tags/libraries", "/ckb/", "/feed.atom", "/sitemap.xml")) {
      HttpResponse<String> first = web.get(path);
      assertThat(first.statusCode()).as(path).isEqualTo(200);
      assertThat(header(first, "Cache-Control")).as(path).isEqualTo("no-cache");
      assertThat(etag(first)).as(path).startsWith("W/\"");
      assertThat(header(first, "Vary")).as(path).containsIgnoringCase("accept-encoding");

      HttpResponse<String> again = ifNoneMatch(web, path, etag(first));
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).as(path).isEmpty();
      assertThat(etag(again)).as(path).isEqualTo(etag(first));
      assertThat(header(again, "Cache-Control")).as(path).isEqualTo("no-cache");
      // Another browser's copy is as good: nothing in these pages is a reader's own.
      assertThat(ifNoneMatch(reader(), path, etag(first)).statusCode()).as(path).isEqualTo(304);
    }
  }

  @Test
  void anEditGivesTheFrontPageAndTheArticleNewValidators() {
    String home = etag(web.get("/"));
    String page = etag(web.get(article.path()));

    articles.revise(
        article.slug(),
        new ArticleEdit(
            "Bridges reopen a week early",
            article.source(),
            article.dateline(),
            article.body(),
            List.of("Libraries"),
            article.language()),
        "editor@example.org");

    HttpResponse<String> newHome = ifNoneMatch(web, "/", home);
    assertThat(newHome.statusCode()).isEqualTo(200);
    assertThat(newHome.body()).contains("Bridges reopen a week early");
    assertThat(etag(newHome)).isNotEqualTo(home);
    HttpResponse<String> newPage = ifNoneMatch(web, article.path(), page);
    assertThat(newPage.statusCode()).isEqualTo(200);
    assertThat(newPage.body()).contains("Bridges reopen a week early");
    assertThat(etag(newPage)).isNotEqualTo(page);
  }

  @Test
  void anApprovedCommentGivesTheArticlePageANewValidatorAndAPendingOneDoesNot() {
    String before = etag(web.get(article.path()));
    SubmittedComment comment =
        submission.submit(
            CommentFixtures.withText(article.slug(), "The eastern bridge was overdue."));

    assertThat(ifNoneMatch(web, article.path(), before).statusCode()).isEqualTo(304);

    decisions.approve(comment.id());
    HttpResponse<String> after = ifNoneMatch(web, article.path(), before);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("The eastern bridge was overdue.");
    assertThat(etag(after)).isNotEqualTo(before);
    assertThat(ifNoneMatch(web, article.path(), etag(after)).statusCode()).isEqualTo(304);
  }

  @Test
  void theSameReaderGets304AndTheFormInItsKeptCopyStillPosts() {
    HttpResponse<String> page = web.get(article.path());
    String kept = token(page.body());
    assertThat(header(page, "Cache-Control")).contains("no-cache", "private");
    assertThat(header(page, "Cache-Control")).doesNotContain("no-store");
    assertThat(header(page, "Vary")).containsIgnoringCase("cookie");

    HttpResponse<String> again = ifNoneMatch(web, article.path(), etag(page));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(header(again, "Cache-Control")).contains("no-cache", "private");

    assertThat(postWithToken(web, kept).statusCode()).isEqualTo(303);
    // The form's protection is as before: no token, or another reader's, is refused.
    assertThat(
            postForm(
                    web,
                    Map.of("name", "Rozh", "email", CommentFixtures.email(), "text", "No token."))
                .statusCode())
        .isEqualTo(403);
    String someoneElses = token(reader().get(article.path()).body());
    assertThat(postWithToken(web, someoneElses).statusCode()).isEqualTo(403);
  }

  @Test
  void aBrowserWithoutTheCookieGetsTheWholePageWithATokenOfItsOwn() {
    String etag = etag(web.get(article.path()));
    WebClient other = reader();

    HttpResponse<String> page = ifNoneMatch(other, article.path(), etag);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(etag(page)).isNotEqualTo(etag);
    assertThat(postWithToken(other, token(page.body())).statusCode()).isEqualTo(303);
  }

  @Test
  void everyAnswerMasksTheTokenAfreshAndEachMaskedTokenPosts() {
    HttpResponse<String> first = web.get(article.path());
    HttpResponse<String> second = web.get(article.path());

    // No two answers carry the same token bytes (what keeps compression from revealing it, see
    // SECURITY.md), though both are the same page to a validator.
    assertThat(token(first.body())).isNotEqualTo(token(second.body()));
    assertThat(etag(first)).isEqualTo(etag(second));
    assertThat(postWithToken(web, token(first.body())).statusCode()).isEqualTo(303);
    assertThat(postWithToken(web, token(second.body())).statusCode()).isEqualTo(303);
  }

  @Test
  void privatePagesStaffPagesTheApiAndErrorsAreNeverKept() {
    SubmittedComment comment = submission.submit(CommentFixtures.valid(article.slug()));

    for (HttpResponse<String> answer :
        List.of(
            web.get(comment.statusPath()),
            web.get("/login"),
            web.getJson("/api/articles/" + article.slug() + "/comments"),
            web.getJson("/api/comments/" + comment.token()),
            web.get("/tags/no-such-topic"),
            web.get("/articles/no-such-article"),
            postWithToken(web, token(web.get(article.path()).body())))) {
      assertThat(header(answer, "Cache-Control"))
          .as("%s %s", answer.request().method(), answer.uri())
          .contains("no-store");
      assertThat(answer.headers().firstValue("ETag")).isEmpty();
    }
  }

  @Test
  void textIsGzippedForClientsThatAskAndDecompressesToTheSameAnswer() {
    for (String path :
        List.of("/", article.path(), "/feed.atom", Assets.url("/css/site.css"), "/css/site.css")) {
      HttpResponse<byte[]> gzipped = web.fetch("GET", path, "Accept-Encoding", "gzip");
      HttpResponse<byte[]> plain = web.fetch("GET", path);

      assertThat(header(gzipped, "Content-Encoding")).as(path).isEqualTo("gzip");
      assertThat(header(plain, "Content-Encoding")).as(path).isEmpty();
      assertThat(gzipped.body().length).as(path).isLessThan(plain.body().length / 2);
      assertThat(withoutToken(WebClient.gunzip(gzipped.body())))
          .as(path)
          .isEqualTo(withoutToken(plain.body()));
      assertThat(header(gzipped, "Cache-Control"))
          .as(path)
          .isEqualTo(header(plain, "Cache-Control"));
      assertThat(header(gzipped, "ETag")).as(path).isEqualTo(header(plain, "ETag"));
      plain
          .headers()
          .firstValueAsLong("Content-Length")
          .ifPresent(length -> assertThat(length).as(path).isEqualTo(plain.body().length));
      gzipped
          .headers()
          .firstValueAsLong("Content-Length")
          .ifPresent(length -> assertThat(length).as(path).isEqualTo(gzipped.body().length));
    }
    // Fingerprinted static files stay a year's immutable keep, compressed or not; the gzipped
    // copy is the one the build made, sent with its length, not compressed again per request.
    HttpResponse<byte[]> css =
        web.fetch("GET", Assets.url("/css/site.css"), "Accept-Encoding", "gzip");
    assertThat(header(css, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(css.headers().firstValueAsLong("Content-Length")).hasValue(css.body().length);
  }

  @Test
  void headAnswersSayWhatTheGetWouldAndAre304AsItIs() {
    for (String path : List.of("/", article.path())) {
      HttpResponse<byte[]> get = web.fetch("GET", path, "Accept-Encoding", "gzip");
      HttpResponse<byte[]> head = web.fetch("HEAD", path, "Accept-Encoding", "gzip");

      assertThat(head.statusCode()).as(path).isEqualTo(200);
      assertThat(head.body()).as(path).isEmpty();
      assertThat(header(head, "Content-Encoding")).as(path).isEqualTo("gzip");
      assertThat(header(head, "Cache-Control")).as(path).isEqualTo(header(get, "Cache-Control"));
      // A length, if told, is the compressed answer's, never the page's own.
      head.headers()
          .firstValueAsLong("Content-Length")
          .ifPresent(length -> assertThat(length).as(path).isEqualTo(get.body().length));
    }
    HttpResponse<byte[]> page = web.fetch("GET", article.path());
    assertThat(header(web.fetch("HEAD", article.path()), "ETag")).isEqualTo(etag(page));
    assertThat(web.fetch("HEAD", article.path(), "If-None-Match", etag(page)).statusCode())
        .isEqualTo(304);
  }

  /** A page's text with its form's token (masked afresh for every answer) left out. */
  private static String withoutToken(byte[] page) {
    return TOKEN.matcher(new String(page, StandardCharsets.UTF_8)).replaceAll("");
  }
}
