package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.EmbeddedPostgresServer;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL database, with the limits switched on as in production: what a
 * client may do is counted for the site, not per instance, and a staff session is the site's.
 */
class ClusterLimitsAndSessionsTest {

  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void start() throws Exception {
    String url = EmbeddedPostgresServer.newDatabase();
    a = instance(url);
    b = instance(url);
  }

  private static ConfigurableApplicationContext instance(String url) throws Exception {
    return new SpringApplicationBuilder(DiwanApplication.class)
        .run(
            "--server.port=0",
            "--diwan.demo=false",
            "--diwan.db.url=" + url,
            "--diwan.db.user=" + EmbeddedPostgresServer.USER,
            "--diwan.db.password=",
            "--diwan.data-dir=" + Files.createTempDirectory("diwan-cluster-"),
            "--diwan.limits.comments-per-ip-per-minute=3",
            "--diwan.limits.comments-per-email-per-minute=2",
            "--diwan.limits.login-failures=3",
            "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  private static WebClient web(ConfigurableApplicationContext instance) {
    return new WebClient(
        instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
  }

  private static int post(WebClient web, Article article, String email, String address) {
    return web.send(
            "POST",
            "/api/articles/" + article.slug() + "/comments",
            "{\"name\":\"A\",\"email\":\""
                + email
                + "\",\"text\":\"On the ferry timetable, from "
                + address
                + ".\"}",
            "X-Forwarded-For",
            address)
        .statusCode();
  }

  @Test
  void anAddressesAllowanceIsTheSitesNotEachInstances() {
    Article article = a.getBean(Articles.class).publish(ArticleFixtures.english("One allowance"));
    WebClient onA = web(a);
    WebClient onB = web(b);

    assertThat(post(onA, article, "r1@example.org", "203.0.113.31")).isEqualTo(202);
    assertThat(post(onB, article, "r2@example.org", "203.0.113.31")).isEqualTo(202);
    assertThat(post(onA, article, "r3@example.org", "203.0.113.31")).isEqualTo(202);
    assertThat(post(onB, article, "r4@example.org", "203.0.113.31")).isEqualTo(429);
    assertThat(post(onA, article, "r5@example.org", "203.0.113.31")).isEqualTo(429);
    // Another address still has its own.
    assertThat(post(onB, article, "r6@example.org", "203.0.113.32")).isEqualTo(202);
  }

  @Test
  void anEmailsAllowanceIsTheSitesToo() {
    Article article = a.getBean(Articles.class).publish(ArticleFixtures.english("One per email"));

    assertThat(post(web(a), article, "same@example.org", "203.0.113.41")).isEqualTo(202);
    assertThat(post(web(b), article, "Same@Example.org", "203.0.113.42")).isEqualTo(202);
    HttpResponse<String> refused =
        web(a)
            .send(
                "POST",
                "/api/articles/" + article.slug() + "/comments",
                "{\"name\":\"A\",\"email\":\"same@example.org\",\"text\":\"Third.\"}",
                "X-Forwarded-For",
                "203.0.113.43");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
  }

  @Test
  void failedLoginsOnOneInstanceMakeTheNextAttemptOnAnotherWait() {
    String email = StaffFixtures.member(a.getBean(StaffAccounts.class), Role.ADMIN);
    WebClient stranger = web(a);
    for (int i = 0; i < 3; i++) {
      stranger.submitForm("/login", "/login", Map.of("username", email, "password", "wrong " + i));
    }
    WebClient elsewhere = web(b);

    HttpResponse<String> locked =
        elsewhere.submitForm(
            "/login", "/login", Map.of("username", email, "password", StaffFixtures.PASSWORD));

    assertThat(locked.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
  }

  @Test
  void aSessionBegunOnOneInstanceWorksOnTheOtherAndEndsEverywhereAtLogout() {
    String email = StaffFixtures.member(a.getBean(StaffAccounts.class), Role.MODERATOR);
    WebClient onA = web(a).logIn(email, StaffFixtures.PASSWORD);
    String session = "JSESSIONID=" + onA.cookie("JSESSIONID");

    HttpResponse<String> queueOnB = web(b).send("GET", "/moderation", null, "Cookie", session);
    assertThat(queueOnB.statusCode()).isEqualTo(200);
    assertThat(queueOnB.body()).contains(email);

    onA.submitForm("/moderation", "/logout", Map.of());

    HttpResponse<String> afterLogout = web(b).send("GET", "/moderation", null, "Cookie", session);
    assertThat(afterLogout.statusCode()).isEqualTo(302);
    assertThat(afterLogout.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  void disablingAnAccountOnOneInstanceEndsItsSessionOnTheOther() {
    StaffAccounts accounts = a.getBean(StaffAccounts.class);
    String email = StaffFixtures.member(accounts, Role.MODERATOR);
    WebClient onB = web(b).logIn(email, StaffFixtures.PASSWORD);
    assertThat(onB.get("/moderation").statusCode()).isEqualTo(200);

    accounts.setEnabled(accounts.byEmail(email).orElseThrow().id(), false, "admin@example.org");

    assertThat(onB.get("/moderation").statusCode()).isEqualTo(302);
  }
}
