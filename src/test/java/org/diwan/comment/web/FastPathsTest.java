package org.diwan.comment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.article.NewArticle;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same requests against two sites, one with {@code diwan.fast-paths} on (the default) and one
 * with it off: every answer alike, and each fast path counted for exactly the requests it took.
 */
class FastPathsTest {

  /** A site, its client and the article every test posts under. */
  private record Site(ConfigurableApplicationContext app, WebClient web, Article article) {

    static Site start(Path dataDir, boolean fastPaths) {
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(DiwanApplication.class)
              .run(
                  "--server.port=0",
                  "--diwan.data-dir=" + dataDir,
                  "--diwan.demo=false",
                  "--diwan.fast-paths=" + fastPaths,
                  "--diwan.limits.comments-per-ip-per-minute=0",
                  "--diwan.limits.comments-per-email-per-minute=0");
      NewArticle fixture = ArticleFixtures.english("Fast paths");
      Article article =
          app.getBean(Articles.class)
              .publish(
                  new NewArticle(
                      "fast-paths",
                      fixture.headline(),
                      fixture.source(),
                      fixture.dateline(),
                      fixture.body(),
                      fixture.language(),
                      fixture.tags(),
                      fixture.photos(),
                      fixture.publishedAt(),
                      true,
                      true));
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      return new Site(app, new WebClient(port), article);
    }

    /** How many requests the fast path registered under {@code name} has answered itself. */
    long answered(String name) {
      return ((FastPath) app.getBean(name, FilterRegistrationBean.class).getFilter()).answered();
    }

    long comments() {
      return app.getBean(JdbcClient.class)
          .sql("SELECT COUNT(*) FROM comment")
          .query(Long.class)
          .single();
    }

    String commentsApi() {
      return "/api/articles/" + article.slug() + "/comments";
    }
  }

  @TempDir static Path onDir;
  @TempDir static Path offDir;
  static Site on;
  static Site off;

  @BeforeAll
  static void start() {
    on = Site.start(onDir, true);
    off = Site.start(offDir, false);
  }

  @AfterAll
  static void stop() {
    on.app().close();
    off.app().close();
  }

  /** Sends the same request to both sites; asserts the fast paths counted as {@code counted}. */
  private static List<HttpResponse<String>> both(
      String path, int counted, Function<Site, HttpResponse<String>> request) {
    long before = on.answered(path);
    long offBefore = off.answered(path);
    List<HttpResponse<String>> answers = List.of(request.apply(on), request.apply(off));
    assertThat(on.answered(path) - before)
        .as("answered by %s, switched on", path)
        .isEqualTo(counted);
    assertThat(off.answered(path)).as("%s switched off", path).isEqualTo(offBefore);
    assertThat(off.answered(path)).isZero();
    return answers;
  }

  private static HttpResponse<String> postJson(Site site, String json, String accept) {
    return site.web().send("POST", site.commentsApi(), json, "Accept", accept);
  }

  /**
   * The headers an answer carries, but for how its length is told (and so whether Tomcat, which
   * compresses only answers of unknown or sufficient length, adds {@code Vary: accept-encoding}).
   */
  private static Set<String> headerNames(HttpResponse<String> response) {
    Set<String> names = new TreeSet<>(response.headers().map().keySet());
    names.removeAll(Set.of("content-length", "transfer-encoding", "date", "vary"));
    return names;
  }

  private static void assertAlike(List<HttpResponse<String>> answers) {
    HttpResponse<String> fast = answers.get(0);
    HttpResponse<String> dispatched = answers.get(1);
    assertThat(fast.statusCode()).as(fast.body()).isEqualTo(dispatched.statusCode());
    assertThat(headerNames(fast)).isEqualTo(headerNames(dispatched));
    assertThat(fast.headers().firstValue("Content-Type"))
        .isEqualTo(dispatched.headers().firstValue("Content-Type"));
  }

  @Test
  void aJsonCommentIsAnsweredAlikeWithAndWithoutTheFastPath() {
    String body = "{\"name\":\"Amal\",\"email\":\"amal%d@example.org\",\"text\":\"Well put.\"}";
    long onBefore = on.comments();
    long offBefore = off.comments();

    // A plain Accept is the fast path's; a weighted one and a body without a declared length are
    // left to Spring MVC on both sites.
    List<List<HttpResponse<String>>> posted =
        List.of(
            both("commentPostShortcut", 1, s -> postJson(s, body.formatted(1), "application/json")),
            both(
                "commentPostShortcut",
                0,
                s -> postJson(s, body.formatted(2), "application/json;q=0.9")),
            both(
                "commentPostShortcut",
                0,
                s ->
                    s.web()
                        .postChunked(
                            s.commentsApi(),
                            "application/json;charset=UTF-8",
                            body.formatted(3).getBytes(StandardCharsets.UTF_8))));

    for (List<HttpResponse<String>> answers : posted) {
      assertAlike(answers);
      assertThat(answers.get(0).statusCode()).isEqualTo(202);
      assertThat(answers.get(0).body()).startsWith("{\"id\":").contains("\"statusUrl\":");
    }
    assertThat(on.comments()).isEqualTo(onBefore + 3);
    assertThat(off.comments()).isEqualTo(offBefore + 3);
  }

  @Test
  void aRefusedJsonCommentIsTheSameProblemWithAndWithoutTheFastPath() {
    List<HttpResponse<String>> answers =
        both(
            "commentPostShortcut",
            1,
            s ->
                postJson(
                    s,
                    "{\"name\":\"\",\"email\":\"not an address\",\"text\":\"Hi\"}",
                    "application/json"));

    assertAlike(answers);
    assertThat(answers.get(0).statusCode()).isEqualTo(400);
    assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body()).contains("comment.invalid");
  }

  @Test
  void aCommentFormIsAnsweredAlikeWithAndWithoutTheFastPath() {
    // A plain form is the fast path's; a field given twice goes to Spring MVC, which joins the
    // values. Both are stored and sent on the same way.
    for (boolean twice : new boolean[] {false, true}) {
      List<HttpResponse<String>> answers =
          both(
              "commentFormShortcut",
              twice ? 0 : 1,
              site -> {
                Map<String, String> form =
                    Map.of(
                        "name",
                        "Dana",
                        "email",
                        "dana@example.org",
                        "text",
                        twice ? "Calm and fair." : "Clear and fair.",
                        "_csrf",
                        site.web().csrfToken(site.article().path()));
                return site.web()
                    .post(
                        site.article().path() + "/comments",
                        "application/x-www-form-urlencoded",
                        WebClient.form(form) + (twice ? "&name=Again" : ""));
              });
      assertAlike(answers);
      for (HttpResponse<String> answer : answers) {
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
            .matches("/comments/[0-9a-f]{11}[A-Za-z0-9_-]{43}#status");
      }
    }
    for (Site site : List.of(on, off)) {
      assertThat(
              site.app()
                  .getBean(JdbcClient.class)
                  .sql("SELECT author_name FROM comment WHERE body = 'Calm and fair.'")
                  .query(String.class)
                  .single())
          .isEqualTo("Dana,Again");
    }
  }

  @Test
  void aFormWithErrorsIsLeftToTheControllerEitherWay() {
    List<HttpResponse<String>> answers =
        both(
            "commentFormShortcut",
            0,
            site ->
                site.web()
                    .post(
                        site.article().path() + "/comments",
                        "application/x-www-form-urlencoded",
                        WebClient.form(
                            Map.of(
                                "name", "",
                                "email", "dana@example.org",
                                "text", "Kept text",
                                "_csrf", site.web().csrfToken(site.article().path())))));

    assertAlike(answers);
    assertThat(answers.get(0).statusCode()).isEqualTo(400);
    assertThat(answers.get(0).body()).contains("Please enter your name.", "Kept text");
  }

  @Test
  void theCommentListIsAnsweredAlikeFromTheKeptJsonAndByTheController() {
    List<HttpResponse<String>> answers =
        both(
            "publishedCommentsShortcut",
            2,
            site -> {
              site.web().getJson(site.commentsApi() + "?after=0&limit=5");
              return site.web().getJson(site.commentsApi() + "?after=0&limit=5");
            });

    assertAlike(answers);
    assertThat(answers.get(0).statusCode()).isEqualTo(200);
    assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body()).contains("\"items\"");
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
    }
    // What the controller refuses, it refuses on both sites; the fast path takes none of it.
    assertThat(
            both(
                "publishedCommentsShortcut",
                0,
                s -> s.web().getJson(s.commentsApi() + "?limit=many")))
        .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(400));
    assertThat(
            both(
                "publishedCommentsShortcut",
                0,
                s -> s.web().getJson("/api/articles/no-such-article/comments")))
        .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(404));
    assertThat(both("publishedCommentsShortcut", 0, s -> s.web().get(s.commentsApi())))
        .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(406));
    assertThat(
            both(
                "publishedCommentsShortcut",
                0,
                s ->
                    s.web()
                        .send("GET", s.commentsApi(), null, "Authorization", "Bearer dwn_unknown")))
        .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(401));
  }

  @Test
  void aLongCommentListIsCompressedAlikeFromTheKeptJsonAndByTheController() {
    long before = on.answered("publishedCommentsShortcut");
    for (Site site : List.of(on, off)) {
      Article story = site.app().getBean(Articles.class).publish(ArticleFixtures.english("Long"));
      for (int i = 0; i < 8; i++) {
        long id =
            site.app()
                .getBean(CommentSubmission.class)
                .submit(
                    CommentFixtures.withText(
                        story.slug(),
                        "Comment "
                            + i
                            + ": the council should publish the repair schedule for every bridge"
                            + " in the city, with the dates each one closes and reopens."))
                .id();
        site.app().getBean(CommentDecisions.class).approve(id);
      }
      String path = "/api/articles/" + story.slug() + "/comments?after=0&limit=50";
      HttpResponse<byte[]> gzipped =
          site.web().fetch("GET", path, "Accept", "application/json", "Accept-Encoding", "gzip");
      byte[] plain = site.web().getJson(path).body().getBytes(StandardCharsets.UTF_8);

      assertThat(plain.length).isGreaterThan(1024);
      assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(WebClient.gunzip(gzipped.body())).isEqualTo(plain);
    }
    assertThat(on.answered("publishedCommentsShortcut") - before).isEqualTo(2);
  }
}
