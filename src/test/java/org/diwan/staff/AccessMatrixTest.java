package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every staff page and endpoint against every kind of caller: anonymous readers, each staff role
 * logged in, and each API key role. Pages answer 200, 302 to the login page, or 403; the API
 * answers 401 without credentials, 403 with the wrong role, and otherwise gets past security. No
 * call, allowed or not, answers 5xx: an allowed one gets its own answer, a 4xx at worst.
 */
@OnSqlite
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  enum Caller {
    ANONYMOUS(null),
    MODERATOR(Role.MODERATOR),
    EDITOR(Role.EDITOR),
    ADMIN(Role.ADMIN),
    MODERATOR_KEY(Role.MODERATOR),
    EDITOR_KEY(Role.EDITOR),
    ADMIN_KEY(Role.ADMIN);

    final Role role;

    Caller(Role role) {
      this.role = role;
    }

    boolean isKey() {
      return name().endsWith("_KEY");
    }
  }

  record Target(String method, String path, Role needs, boolean api, String body) {}

  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys keys;
  @Autowired Articles articles;
  @Autowired Environment environment;

  private final Map<Caller, WebClient> clients = new EnumMap<>(Caller.class);
  private final Map<Caller, String> secrets = new EnumMap<>(Caller.class);
  private Article article;
  private long staffId;

  @BeforeAll
  void callers() {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    article = articles.publish(ArticleFixtures.english("Access matrix"));
    staffId = accounts.byEmail(StaffFixtures.member(accounts, Role.MODERATOR)).orElseThrow().id();
    for (Caller caller : Caller.values()) {
      WebClient client = new WebClient(port);
      if (caller.role != null && !caller.isKey()) {
        client.logIn(StaffFixtures.member(accounts, caller.role), StaffFixtures.PASSWORD);
      }
      if (caller.isKey()) {
        secrets.put(caller, StaffFixtures.key(keys, caller.role));
      }
      clients.put(caller, client);
    }
  }

  static Stream<Arguments> matrix() {
    List<Target> targets =
        List.of(
            new Target("GET", "/moderation", Role.MODERATOR, false, null),
            new Target("GET", "/moderation?status=REJECTED", Role.MODERATOR, false, null),
            new Target("GET", "/moderation/dashboard", Role.MODERATOR, false, null),
            new Target("GET", "/editor", Role.EDITOR, false, null),
            new Target("GET", "/editor/new", Role.EDITOR, false, null),
            new Target("GET", "/admin/staff", Role.ADMIN, false, null),
            new Target("GET", "/admin/api-keys", Role.ADMIN, false, null),
            new Target("GET", "/admin/audit", Role.ADMIN, false, null),
            new Target("GET", "/admin/policies", Role.ADMIN, false, null),
            new Target("GET", "/admin/word-lists", Role.ADMIN, false, null),
            new Target("GET", "/admin/webhooks", Role.ADMIN, false, null),
            new Target("GET", "/admin/sites", Role.ADMIN, false, null),
            // Forms posted as a page sent them when a false value went missing (issue 15).
            new Target("POST", "/editor/articles/ARTICLE/comments", Role.EDITOR, false, "open="),
            new Target(
                "POST", "/editor/articles/ARTICLE/published", Role.EDITOR, false, "published="),
            new Target("POST", "/admin/staff/STAFF/enabled", Role.ADMIN, false, "enabled="),
            new Target("POST", "/admin/webhooks", Role.ADMIN, false, "url=ftp%3A%2F%2Fx"),
            new Target("POST", "/admin/webhooks/999999/enabled", Role.ADMIN, false, "enabled="),
            new Target("POST", "/admin/sites", Role.ADMIN, false, "origin=ftp%3A%2F%2Fx"),
            new Target("POST", "/admin/sites/remove", Role.ADMIN, false, "origin=https%3A%2F%2Fx"),
            new Target(
                "POST", "/admin/webhooks/999999/deliveries/1/redeliver", Role.ADMIN, false, "x="),
            new Target(
                "POST",
                "/moderation/comments/999999/decision",
                Role.MODERATOR,
                false,
                "action=REMOVE&codes=THREAT"),
            new Target("GET", "/api/moderation/queue", Role.MODERATOR, true, null),
            new Target(
                "POST",
                "/api/moderation/comments/999999/decision",
                Role.MODERATOR,
                true,
                "{\"action\":\"APPROVE\"}"),
            new Target("POST", "/api/articles", Role.EDITOR, true, "{}"),
            new Target("PUT", "/api/articles/ARTICLE", Role.EDITOR, true, "{}"),
            new Target("GET", "/api/admin/api-keys", Role.ADMIN, true, null),
            new Target("GET", "/api/admin/word-lists", Role.ADMIN, true, null),
            new Target("POST", "/api/admin/api-keys", Role.ADMIN, true, "{\"name\":\"\"}"),
            // The scrape role is ADMIN unless DIWAN_METRICS_ROLE says otherwise.
            new Target("GET", "/actuator/prometheus", Role.ADMIN, true, null));
    List<Arguments> rows = new ArrayList<>();
    for (Target target : targets) {
      for (Caller caller : Caller.values()) {
        rows.add(Arguments.of(caller, target));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void onlyTheRightRoleGetsIn(Caller caller, Target target) {
    String path =
        target.path().replace("ARTICLE", article.slug()).replace("STAFF", String.valueOf(staffId));
    // A scraper asks for Prometheus's text format, not the JSON the API answers with.
    String accept = path.startsWith("/actuator/") ? "text/plain" : "application/json, text/html";
    HttpResponse<String> response =
        !target.api() && target.body() != null
            ? postForm(caller, path, target.body())
            : caller.isKey()
                ? clients
                    .get(caller)
                    .send(
                        target.method(),
                        path,
                        target.body(),
                        "Accept",
                        accept,
                        "Authorization",
                        "Bearer " + secrets.get(caller))
                : clients.get(caller).send(target.method(), path, target.body(), "Accept", accept);
    int status = response.statusCode();
    boolean allowed = caller.role == target.needs();
    assertThat(status).as("answer to " + target.method() + " " + path).isLessThan(500);

    if (!target.api()) {
      if (target.body() != null && allowed && !caller.isKey()) {
        // A form: its own answer (a redirect, or a 4xx page for what it sent), never a 403.
        assertThat(status).isNotEqualTo(403);
      } else if (caller.isKey()) {
        // Keys are for the API only: a page treats the caller as anonymous.
        assertThat(status).isEqualTo(302);
      } else if (caller == Caller.ANONYMOUS) {
        assertThat(status).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
      } else {
        assertThat(status).isEqualTo(allowed ? 200 : 403);
      }
      return;
    }
    assertApi(caller, allowed, path.startsWith("/actuator/") ? "metrics" : "auth", response);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Caller.class,
      names = {"MODERATOR", "EDITOR", "ADMIN"})
  void staffBarLinksOnlyToConsolesTheRoleOpens(Caller caller) {
    String start = clients.get(caller).get("/staff").body();
    Matcher bar =
        Pattern.compile("<nav class=\"staff-bar\"[^>]*>(.*?)</nav>", Pattern.DOTALL).matcher(start);
    assertThat(bar.find()).isTrue();
    List<String> links = new ArrayList<>();
    Matcher href = Pattern.compile("<a href=\"([^\"]+)\"").matcher(bar.group(1));
    while (href.find()) {
      links.add(href.group(1));
    }

    List<String> expected =
        switch (caller.role) {
          case MODERATOR -> List.of("/staff", "/moderation", "/moderation/dashboard");
          case EDITOR -> List.of("/staff", "/editor");
          case ADMIN -> List.of("/staff", "/admin/staff");
        };
    assertThat(links).containsExactlyElementsOf(expected);
    for (String link : links) {
      assertThat(clients.get(caller).get(link).statusCode()).as(link).isEqualTo(200);
    }
  }

  @Test
  void aPageRefusedForTheRoleSaysSoPlainly() {
    HttpResponse<String> refused = clients.get(Caller.MODERATOR).get("/editor");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .contains("This page is not open to your role")
        .doesNotContain("may have expired");
    HttpResponse<String> staleForm =
        clients
            .get(Caller.EDITOR)
            .post(
                "/editor/articles/" + article.slug() + "/comments",
                "application/x-www-form-urlencoded",
                "open=false&_csrf=forged");
    assertThat(staleForm.statusCode()).isEqualTo(403);
    assertThat(staleForm.body()).contains("may have expired");
  }

  /** Posts a form with the CSRF token a page gives this caller, as a browser would. */
  private HttpResponse<String> postForm(Caller caller, String path, String body) {
    WebClient client = clients.get(caller);
    String token = client.csrfToken("/login");
    return client.post(path, "application/x-www-form-urlencoded", body + "&_csrf=" + token);
  }

  private static void assertApi(
      Caller caller, boolean allowed, String area, HttpResponse<String> response) {
    int status = response.statusCode();
    if (caller == Caller.ANONYMOUS || !caller.isKey()) {
      // The API reads no session cookie: a logged-in browser is still anonymous there.
      assertThat(status).isEqualTo(401);
      assertThat(response.body()).contains("\"code\":\"" + area + ".required\"");
    } else if (allowed) {
      assertThat(status).isNotIn(401, 403, 406);
    } else {
      assertThat(status).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
  }
}
