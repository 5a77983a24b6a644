package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The staff API end to end: keys, the moderation queue and decisions, the editor API. */
@OnSqlite
class StaffApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys keys;
  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired Environment environment;

  WebClient web;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }

  @Test
  void adminCreatesAKeyWithBasicAuthThatWorksOnceAndCanBeRevoked() {
    String admin = StaffFixtures.member(accounts, Role.ADMIN);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (admin + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> created =
        web.send(
            "POST",
            "/api/admin/api-keys",
            "{\"name\":\"wire desk\",\"role\":\"MODERATOR\"}",
            "Authorization",
            basic);

    assertThat(created.statusCode()).isEqualTo(201);
    String key = json(created).get("key").asString();
    assertThat(key).startsWith("dwn_");
    assertThat(web.send("GET", "/api/moderation/queue", null, bearer(key)).statusCode())
        .isEqualTo(200);
    assertThat(web.send("GET", "/api/admin/api-keys", null, "Authorization", basic).body())
        .doesNotContain(key);

    long id = json(created).get("id").asLong();
    assertThat(
            web.send("DELETE", "/api/admin/api-keys/" + id, null, "Authorization", basic)
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> revoked = web.send("GET", "/api/moderation/queue", null, bearer(key));
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).contains("unknown or revoked");
  }

  @Test
  void wrongPasswordOverBasicIsRefused() {
    String admin = StaffFixtures.member(accounts, Role.ADMIN);
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((admin + ":wrong").getBytes(StandardCharsets.UTF_8));

    assertThat(web.send("GET", "/api/admin/api-keys", null, "Authorization", basic).statusCode())
        .isEqualTo(401);
  }

  @Test
  void moderatorKeyPagesTheQueueAndDecides() {
    String key = StaffFixtures.key(keys, Role.MODERATOR);
    Article article = articles.publish(ArticleFixtures.english("Queue paging"));
    long first = submission.submit(CommentFixtures.withText(article.slug(), "one")).id();
    long second = submission.submit(CommentFixtures.withText(article.slug(), "two")).id();
    submission.submit(CommentFixtures.withText(article.slug(), "three"));

    JsonNode page =
        json(
            web.send(
                "GET",
                "/api/moderation/queue?status=PENDING&limit=2&article=" + article.slug(),
                null,
                bearer(key)));
    assertThat(page.get("items").findValuesAsString("text")).containsExactly("one", "two");
    assertThat(page.get("items").get(0).get("email").asString())
        .matches("shirin\\.\\d+@example.org");
    JsonNode rest =
        json(
            web.send(
                "GET",
                "/api/moderation/queue?limit=2&article="
                    + article.slug()
                    + "&cursor="
                    + page.get("next").asString(),
                null,
                bearer(key)));
    assertThat(rest.get("items").findValuesAsString("text")).containsExactly("three");

    HttpResponse<String> approved =
        web.send(
            "POST",
            "/api/moderation/comments/" + first + "/decision",
            "{\"action\":\"APPROVE\"}",
            bearer(key));
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(json(approved).get("actor").asString()).isEqualTo("key:test MODERATOR");

    HttpResponse<String> again =
        web.send(
            "POST",
            "/api/moderation/comments/" + first + "/decision",
            "{\"action\":\"REJECT\",\"codes\":[\"THREAT\"]}",
            bearer(key));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asString())
        .contains("already approved by key:test MODERATOR");

    HttpResponse<String> unknownCode =
        web.send(
            "POST",
            "/api/moderation/comments/" + second + "/decision",
            "{\"action\":\"REJECT\",\"codes\":[\"RUDE\"]}",
            bearer(key));
    assertThat(unknownCode.statusCode()).isEqualTo(400);
    assertThat(json(unknownCode).get("detail").asString()).contains("RUDE");

    HttpResponse<String> noCodes =
        web.send(
            "POST",
            "/api/moderation/comments/" + second + "/decision",
            "{\"action\":\"REJECT\",\"codes\":[]}",
            bearer(key));
    assertThat(noCodes.statusCode()).isEqualTo(400);
  }

  @Test
  void screenApiScoresATextForModeratorsAndAdminsOnly() {
    String body = "{\"text\":\"you are such an id10t\"}";

    HttpResponse<String> screened =
        web.send("POST", "/api/screen", body, bearer(StaffFixtures.key(keys, Role.MODERATOR)));
    assertThat(screened.statusCode()).isEqualTo(200);
    JsonNode result = json(screened);
    assertThat(result.get("flagged").toString()).contains("PERSONAL_ATTACK");
    assertThat(result.get("scores").get("PERSONAL_ATTACK").asDouble()).isPositive();
    assertThat(result.get("evidence").get(0).get("start").asInt()).isEqualTo(16);
    assertThat(result.get("version").asString()).isNotBlank();

    assertThat(
            web.send("POST", "/api/screen", body, bearer(StaffFixtures.key(keys, Role.ADMIN)))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            web.send("POST", "/api/screen", body, bearer(StaffFixtures.key(keys, Role.EDITOR)))
                .statusCode())
        .isEqualTo(403);
    assertThat(web.send("POST", "/api/screen", body).statusCode()).isEqualTo(401);
    assertThat(
            web.send(
                    "POST",
                    "/api/screen",
                    "{\"text\":\"\"}",
                    bearer(StaffFixtures.key(keys, Role.MODERATOR)))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void editorKeyCreatesAndUpdatesArticles() {
    String key = StaffFixtures.key(keys, Role.EDITOR);

    HttpResponse<String> created =
        web.send(
            "POST",
            "/api/articles",
            "{\"headline\":\"Bridge reopens\",\"source\":\"Wire\",\"dateline\":\"DUHOK –\","
                + "\"body\":\"The bridge reopened.\",\"tags\":[\"Roads\"],\"language\":\"en\"}",
            bearer(key));
    assertThat(created.statusCode()).isEqualTo(201);
    String slug = json(created).get("slug").asString();
    assertThat(slug).startsWith("bridge-reopens");
    assertThat(json(created).get("updatedAt").isNull()).isTrue();

    HttpResponse<String> updated =
        web.send(
            "PUT",
            "/api/articles/" + slug,
            "{\"headline\":\"Bridge reopens to traffic\",\"source\":\"Wire\",\"dateline\":\"DUHOK –\","
                + "\"body\":\"The bridge reopened on Monday.\",\"tags\":[\"Roads\"],\"language\":\"en\"}",
            bearer(key));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(json(updated).get("updatedAt").isNull()).isFalse();
    assertThat(web.get("/articles/" + slug).body()).contains("Updated at");

    HttpResponse<String> invalid =
        web.send("POST", "/api/articles", "{\"headline\":\"\",\"language\":\"??\"}", bearer(key));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("errors").findValuesAsString("field"))
        .contains("headline", "source", "body", "language");
  }

  @Test
  void moderatorKeyTakesDownAPublishedCommentOnceAndNothingElse() {
    String key = StaffFixtures.key(keys, Role.MODERATOR);
    Article article = articles.publish(ArticleFixtures.english("Take-downs"));
    long published = submission.submit(CommentFixtures.withText(article.slug(), "kept")).id();
    long pending = submission.submit(CommentFixtures.withText(article.slug(), "waits")).id();
    String decision = "/api/moderation/comments/%d/decision";
    web.send("POST", decision.formatted(published), "{\"action\":\"APPROVE\"}", bearer(key));
    String takeDown = "{\"action\":\"REMOVE\",\"codes\":[\"THREAT\"],\"note\":\"Reported.\"}";

    HttpResponse<String> unknownCode =
        web.send(
            "POST",
            decision.formatted(published),
            "{\"action\":\"REMOVE\",\"codes\":[\"RUDE\"]}",
            bearer(key));
    assertThat(unknownCode.statusCode()).isEqualTo(400);
    assertThat(json(unknownCode).get("detail").asString()).contains("RUDE");
    assertThat(
            web.send("POST", decision.formatted(published), "{\"action\":\"REMOVE\"}", bearer(key))
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> notPublished =
        web.send("POST", decision.formatted(pending), takeDown, bearer(key));
    assertThat(notPublished.statusCode()).isEqualTo(409);
    assertThat(json(notPublished).get("detail").asString()).contains("pending, not published");
    assertThat(
            web.send("POST", decision.formatted(999_999_999L), takeDown, bearer(key)).statusCode())
        .isEqualTo(404);

    HttpResponse<String> removed =
        web.send("POST", decision.formatted(published), takeDown, bearer(key));
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(json(removed).get("action").asString()).isEqualTo("REMOVE");
    assertThat(json(removed).get("codes").toString()).contains("THREAT");

    HttpResponse<String> again =
        web.send("POST", decision.formatted(published), takeDown, bearer(key));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asString())
        .contains("already removed by key:test MODERATOR");

    JsonNode removedQueue =
        json(
            web.send(
                "GET",
                "/api/moderation/queue?status=REMOVED&article=" + article.slug(),
                null,
                bearer(key)));
    assertThat(removedQueue.get("items").findValuesAsString("text")).containsExactly("kept");
    assertThat(removedQueue.get("items").get(0).get("removedAt").isNull()).isFalse();
  }

  private static String basic(String email, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aOneTimePasswordOpensNoPartOfTheApiUntilItIsReplaced() {
    String email = "fresh-" + UUID.randomUUID() + "@example.org";
    String oneTime =
        accounts
            .create(email, "Fresh", Set.of(Role.ADMIN), null, "admin@example.org")
            .oneTimePassword();
    String basic = basic(email, oneTime);

    HttpResponse<String> key =
        web.send(
            "POST",
            "/api/admin/api-keys",
            "{\"name\":\"backdoor\",\"role\":\"ADMIN\"}",
            "Authorization",
            basic);
    HttpResponse<String> personal =
        web.send(
            "GET", "/api/admin/personal-data?email=a@example.org", null, "Authorization", basic);

    assertThat(key.statusCode()).isEqualTo(403);
    assertThat(key.body()).contains("auth.password-change-needed");
    assertThat(personal.statusCode()).isEqualTo(403);
    assertThat(keys.all()).extracting(ApiKey::name).doesNotContain("backdoor");
  }

  @Test
  void keysAreSuspendedWhileTheirCreatorIsDisabledAndSaySo() {
    String admin = StaffFixtures.member(accounts, Role.ADMIN);
    String basic = basic(admin, StaffFixtures.PASSWORD);
    String key =
        json(web.send(
                "POST",
                "/api/admin/api-keys",
                "{\"name\":\"desk\",\"role\":\"ADMIN\"}",
                "Authorization",
                basic))
            .get("key")
            .asString();
    String madeWithKey =
        json(web.send(
                "POST",
                "/api/admin/api-keys",
                "{\"name\":\"desk 2\",\"role\":\"MODERATOR\"}",
                bearer(key)))
            .get("key")
            .asString();
    long id = accounts.byEmail(admin).orElseThrow().id();
    assertThat(web.send("GET", "/api/moderation/queue", null, bearer(madeWithKey)).statusCode())
        .isEqualTo(200);

    accounts.setEnabled(id, false, "admin@example.org");

    for (String secret : new String[] {key, madeWithKey}) {
      HttpResponse<String> refused = web.send("GET", "/api/admin/api-keys", null, bearer(secret));
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body()).contains("auth.key-suspended");
    }
    String otherAdmin = StaffFixtures.member(accounts, Role.ADMIN);
    String page =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class))
            .logIn(otherAdmin, StaffFixtures.PASSWORD)
            .get("/admin/api-keys")
            .body();
    assertThat(page).contains("suspended: this creator is disabled");

    accounts.setEnabled(id, true, "admin@example.org");
    assertThat(web.send("GET", "/api/admin/api-keys", null, bearer(key)).statusCode())
        .isEqualTo(200);
  }
}
