package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The limits a site on the open internet needs, switched on as in production. */
class LimitsTest {

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static int port;

  @BeforeAll
  static void start() {
    app =
        new SpringApplicationBuilder(DiwanApplication.class)
            .run(
                "--server.port=0",
                "--diwan.data-dir=" + dataDir,
                "--diwan.demo=false",
                "--diwan.limits.comments-per-ip-per-minute=3",
                "--diwan.limits.comments-per-email-per-minute=0",
                "--diwan.limits.login-failures=3",
                // so that a test can post from an address of its own, as through a proxy
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private long comments() {
    return app.getBean(JdbcClient.class)
        .sql("SELECT COUNT(*) FROM comment")
        .query(Long.class)
        .single();
  }

  @Test
  void commentsPastTheLimitGet429WithRetryAfterAndNothingIsStored() {
    Article article = app.getBean(Articles.class).publish(ArticleFixtures.english("Limits"));
    WebClient web = new WebClient(port);
    String path = "/api/articles/" + article.slug() + "/comments";
    long before = comments();
    int accepted = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          web.postJson(
              path,
              "{\"name\":\"A\",\"email\":\"a" + i + "@example.org\",\"text\":\"Text " + i + "\"}");
      if (r.statusCode() == 202) {
        accepted++;
      } else {
        refused = r;
      }
    }

    assertThat(accepted).isEqualTo(3);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
    assertThat(refused.body()).contains("comment.too-many").contains("Please wait");
    assertThat(comments()).isEqualTo(before + 3);

    HttpResponse<String> page =
        web.submitForm(
            article.path(),
            article.path() + "/comments",
            Map.of("name", "B", "email", "b@example.org", "text", "Hello"));
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("<!DOCTYPE html>").contains("Please wait");
  }

  @Test
  void aFormShownAgainWithItsErrorsCountsOnceAgainstTheLimit() {
    Article article = app.getBean(Articles.class).publish(ArticleFixtures.english("Counted once"));
    WebClient web = new WebClient(port);
    String token = web.csrfToken(article.path());
    Function<String, Integer> post =
        text ->
            web.postForm(
                    article.path() + "/comments",
                    Map.of("name", "C", "email", "c@example.org", "text", text, "_csrf", token),
                    "X-Forwarded-For",
                    "203.0.113.7")
                .statusCode();

    assertThat(post.apply(" ")).isEqualTo(400);
    assertThat(post.apply("First")).isEqualTo(303);
    assertThat(post.apply("Second")).isEqualTo(303);
    assertThat(post.apply("Third")).isEqualTo(429);
  }

  private static HttpResponse<String> logIn(
      WebClient web, String email, String password, String address) {
    return web.postForm(
        "/login",
        Map.of("username", email, "password", password, "_csrf", web.csrfToken("/login")),
        "X-Forwarded-For",
        address);
  }

  @Test
  void theOwnersUsualBrowserLogsInWhileAStrangerGuessesTheirPassword() {
    StaffAccounts accounts = app.getBean(StaffAccounts.class);
    String email = StaffFixtures.member(accounts, Role.ADMIN);
    WebClient owner = new WebClient(port);
    assertThat(logIn(owner, email, StaffFixtures.PASSWORD, "203.0.113.20").statusCode())
        .isEqualTo(302);
    owner.submitForm("/staff", "/logout", Map.of());
    WebClient stranger = new WebClient(port);
    for (int i = 0; i < 8; i++) {
      logIn(stranger, email, "guess " + i, "198.51.100." + i);
    }
    assertThat(
            logIn(stranger, email, StaffFixtures.PASSWORD, "198.51.100.99")
                .headers()
                .firstValue("Location")
                .orElse(""))
        .endsWith("/login?locked");

    HttpResponse<String> back = logIn(owner, email, StaffFixtures.PASSWORD, "203.0.113.20");

    assertThat(back.headers().firstValue("Location").orElse("")).endsWith("/staff");
  }

  @Test
  void aValidApiKeyIsNeverRefusedForPasswordFailuresFromItsAddress() {
    String key = StaffFixtures.key(app.getBean(org.diwan.staff.ApiKeys.class), Role.MODERATOR);
    WebClient web = new WebClient(port);
    for (int i = 0; i < 15; i++) {
      logIn(web, "nobody-" + i + "@example.org", "wrong", "192.0.2.50");
    }
    assertThat(
            web.send("GET", "/api/moderation/queue", null, "X-Forwarded-For", "192.0.2.50")
                .statusCode())
        .isEqualTo(401);

    HttpResponse<String> withKey =
        web.send(
            "GET",
            "/api/moderation/queue",
            null,
            "Authorization",
            "Bearer " + key,
            "X-Forwarded-For",
            "192.0.2.50");

    assertThat(withKey.statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedFailedLoginsFromAnUnknownBrowserMakeEvenTheRightPasswordWait() {
    StaffAccounts accounts = app.getBean(StaffAccounts.class);
    String email = StaffFixtures.member(accounts, Role.ADMIN);
    WebClient web = new WebClient(port);
    for (int i = 0; i < 3; i++) {
      web.submitForm("/login", "/login", Map.of("username", email, "password", "wrong " + i));
    }

    HttpResponse<String> locked =
        web.submitForm(
            "/login", "/login", Map.of("username", email, "password", StaffFixtures.PASSWORD));

    assertThat(locked.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
    assertThat(web.get("/login?locked").body())
        .contains("Too many failed attempts")
        .contains("a browser you have used here before");
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString((email + ":" + StaffFixtures.PASSWORD).getBytes());
    HttpResponse<String> api = web.send("GET", "/api/admin/api-keys", null, "Authorization", basic);
    assertThat(api.statusCode()).isEqualTo(429);
    assertThat(api.body()).contains("auth.throttled");
  }
}
