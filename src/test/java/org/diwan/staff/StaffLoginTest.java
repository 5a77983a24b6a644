package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.audit.AuditTrail;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Logging in, one-time passwords, and what the audit log keeps of it. */
@OnSqlite
class StaffLoginTest {

  @Autowired StaffAccounts accounts;
  @Autowired AuditTrail audit;
  @Autowired Environment environment;
  @Autowired Articles articles;

  WebClient web;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  @Test
  void wrongPasswordGetsOneMessageThatDoesNotSayWhichPartWasWrong() {
    String email = StaffFixtures.member(accounts, Role.MODERATOR);

    for (var attempt :
        Map.of(
                email,
                "wrong password",
                "nobody-" + UUID.randomUUID() + "@example.org",
                StaffFixtures.PASSWORD)
            .entrySet()) {
      HttpResponse<String> response =
          web.submitForm(
              "/login",
              "/login",
              Map.of("username", attempt.getKey(), "password", attempt.getValue()));
      assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }
    assertThat(web.get("/login?error").body())
        .contains("That email and password do not match an active staff account.");
    assertThat(audit.find("anonymous", "login.failed", 0))
        .extracting(e -> e.subject())
        .contains(email);
  }

  @Test
  void signedInStaffSeeTheStaffBarWithALogOutFormAndItStaysOutOfRedirects() {
    String email = StaffFixtures.member(accounts, Role.EDITOR);
    Article article = articles.publish(ArticleFixtures.english("Staff bar"));
    assertThat(web.get("/login").body()).doesNotContain("staff-bar");

    web.logIn(email, StaffFixtures.PASSWORD);
    String page = web.get("/editor").body();
    assertThat(page).contains("class=\"staff-bar\"").contains(email);
    assertThat(page).contains("action=\"/logout\"").contains("name=\"_csrf\"");

    HttpResponse<String> posted =
        web.submitForm(
            article.path(),
            article.path() + "/comments",
            Map.of("name", "Editor", "email", email, "text", "A note from the newsroom."));
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow())
        .doesNotContain("staffUser")
        .doesNotContain("csrf")
        .doesNotContain("@");
  }

  @Test
  void disabledAccountCannotLogIn() {
    String email = StaffFixtures.member(accounts, Role.EDITOR);
    accounts.setEnabled(accounts.byEmail(email).orElseThrow().id(), false, "admin@example.org");

    HttpResponse<String> response =
        web.submitForm(
            "/login", "/login", Map.of("username", email, "password", StaffFixtures.PASSWORD));

    assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login?error");
  }

  @Test
  void loginChangesTheSessionIdAndReturnsToThePageAskedFor() {
    String email = StaffFixtures.member(accounts, Role.MODERATOR);
    HttpResponse<String> bounced = web.get("/moderation/dashboard");
    assertThat(bounced.headers().firstValue("Location").orElse("")).endsWith("/login");
    String before = cookie(bounced, "JSESSIONID");

    HttpResponse<String> login =
        web.submitForm(
            "/login", "/login", Map.of("username", email, "password", StaffFixtures.PASSWORD));

    assertThat(login.headers().firstValue("Location").orElse("")).contains("/moderation/dashboard");
    assertThat(cookie(login, "JSESSIONID")).isNotBlank().isNotEqualTo(before);
    assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly");
    assertThat(audit.find(email, "login.succeeded", 0)).hasSize(1);
  }

  @Test
  void oneTimePasswordMustBeChangedBeforeAnythingElse() {
    String email = "new-" + UUID.randomUUID() + "@example.org";
    String oneTime =
        accounts
            .create(email, "New", Set.of(Role.MODERATOR), null, "admin@example.org")
            .oneTimePassword();
    web.logIn(email, oneTime);

    HttpResponse<String> gated = web.get("/moderation");
    assertThat(gated.statusCode()).isEqualTo(302);
    assertThat(gated.headers().firstValue("Location").orElse("")).endsWith("/account/password");

    HttpResponse<String> tooShort =
        web.submitForm(
            "/account/password",
            "/account/password",
            Map.of("current", oneTime, "replacement", "short", "repeat", "short"));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("at least 12 characters");

    String fresh = "a much longer passphrase";
    HttpResponse<String> changed =
        web.submitForm(
            "/account/password",
            "/account/password",
            Map.of("current", oneTime, "replacement", fresh, "repeat", fresh));
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(web.get("/moderation").statusCode()).isEqualTo(200);
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .findFirst()
        .orElse("");
  }
}
