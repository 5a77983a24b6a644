package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.diwan.DiwanApplication;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Password login switched off, with the newsroom's provider configured but down: the site starts,
 * no password opens a session or the API (API keys still do), and the sign-in button explains that
 * the provider cannot be reached instead of failing.
 */
@OnSqlite
@TestPropertySource(
    properties = {
      "diwan.staff.password-login=false",
      "diwan.oidc.issuer=http://127.0.0.1:9/nowhere",
      "diwan.oidc.client-id=diwan"
    })
class PasswordLoginOffTest {

  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys keys;
  @Autowired Articles articles;
  @LocalServerPort int port;

  WebClient web;
  String moderator;

  @BeforeEach
  void visitor() {
    web = new WebClient(port);
    moderator = StaffFixtures.member(accounts, Role.MODERATOR);
  }

  @Test
  void theLoginPageOffersOnlyTheProvidersButton() {
    String page = web.get("/login").body();

    assertThat(page)
        .contains("href=\"/login/sso\"")
        .contains("Sign in with the newsroom")
        .doesNotContain("type=\"password\"");
  }

  @Test
  void aCorrectPasswordOpensNoSession() {
    // The login page has no form now; a reader's page gives the client its token.
    String token = web.csrfToken(articles.publish(ArticleFixtures.english("Logins")).path());

    HttpResponse<String> refused =
        web.postForm(
            "/login",
            Map.of("username", moderator, "password", StaffFixtures.PASSWORD, "_csrf", token));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Signing in with a password is switched off");
    assertThat(web.get("/moderation").statusCode()).isEqualTo(302);
  }

  @Test
  void theApiTakesKeysButNoPasswords() {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (moderator + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));

    assertThat(
            web.send("GET", "/api/moderation/queue", null, "Authorization", "Basic " + basic)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            web.send(
                    "GET",
                    "/api/moderation/queue",
                    null,
                    "Authorization",
                    "Bearer " + StaffFixtures.key(keys, Role.MODERATOR))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aProviderThatCannotBeReachedIsExplainedNotFailed() {
    HttpResponse<String> button = web.get("/login/sso");
    assertThat(button.statusCode()).isEqualTo(302);
    assertThat(button.headers().firstValue("Location").orElseThrow())
        .endsWith("/login?sso=unreachable");
    assertThat(web.get("/login?sso=unreachable").body()).contains("cannot be reached just now");

    HttpResponse<String> direct = web.get("/oauth2/authorization/newsroom");
    assertThat(direct.statusCode()).isLessThan(500);
  }

  @Test
  void aSiteWithNeitherPasswordsNorAProviderRefusesToStartAndSaysWhy() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(DiwanApplication.class)
                    .properties(
                        "server.port=0",
                        "diwan.demo=false",
                        "diwan.staff.password-login=false",
                        "diwan.data-dir="
                            + java.nio.file.Files.createTempDirectory("diwan-no-login-"))
                    .run("--spring.application.name=diwan-no-login")
                    .close())
        .rootCause()
        .hasMessageContaining("DIWAN_OIDC_ISSUER");
  }
}
