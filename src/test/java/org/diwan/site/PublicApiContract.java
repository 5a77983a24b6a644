package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public JSON API over HTTP, run against each database the site supports. */
abstract class PublicApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  private String comments() {
    return "/api/articles/" + article.slug() + "/comments";
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private long commentCount() {
    return jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
  }

  @Test
  void postedCommentIsAcceptedPendingWithStatusUrl() {
    HttpResponse<String> response =
        web.postJson(
            comments(),
            "{\"name\":\"Shirin\",\"email\":\"shirin@example.org\",\"text\":\"Good news.\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = json(response);
    assertThat(body.get("status").asString()).isEqualTo("PENDING");
    String token = body.get("token").asString();
    assertThat(token).matches("[0-9a-f]{11}[A-Za-z0-9_-]{43}");
    assertThat(body.get("statusUrl").asString()).isEqualTo("/comments/" + token);
    assertThat(body.get("id").asLong()).isPositive();

    JsonNode status = json(web.getJson("/api/comments/" + token));
    assertThat(status.get("status").asString()).isEqualTo("PENDING");
    assertThat(status.get("codes").isEmpty()).isTrue();
  }

  @Test
  void submissionAskingForAnythingButJsonIsNotAcceptable() {
    long before = commentCount();
    String body = "{\"name\":\"A\",\"email\":\"a@example.org\",\"text\":\"Hello\"}";

    assertThat(web.send("POST", comments(), body, "Accept", "text/html").statusCode())
        .isEqualTo(406);
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void invalidCommentIsAProblemNamingEachField() {
    long before = commentCount();
    HttpResponse<String> response =
        web.postJson(comments(), "{\"name\":\"\",\"email\":\"not-an-email\",\"text\":\" \"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("code").asString()).isEqualTo("comment.invalid");
    assertThat(problem.get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("name", "email", "text");
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void theSameCommentTwiceFromOnePersonIsRefusedPolitely() {
    String body = "{\"name\":\"R\",\"email\":\"repeat@example.org\",\"text\":\"Same words\"}";
    assertThat(web.postJson(comments(), body).statusCode()).isEqualTo(202);
    long before = commentCount();

    HttpResponse<String> again = web.postJson(comments(), body);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("code").asString()).isEqualTo("comment.duplicate");
    assertThat(commentCount()).isEqualTo(before);
    assertThat(web.postJson(comments(), body.replace("repeat@", "someone-else@")).statusCode())
        .isEqualTo(202);
  }

  @Test
  void trivialChangesToTheTextOrTheAddressCountAsTheSameComment() {
    String first = "{\"name\":\"R\",\"email\":\"variant@example.org\",\"text\":\"Café is open\"}";
    assertThat(web.postJson(comments(), first).statusCode()).isEqualTo(202);
    long before = commentCount();

    for (String[] variant :
        new String[][] {
          {"variant@example.org", "CAFÉ IS OPEN"},
          {"variant@example.org", "Café   is\\nopen"},
          {"variant@example.org", "Ca\\u200bfé is o\\u2060pen"},
          {"variant@example.org", "Cafe\\u0301 is open"},
          {" VARIANT@Example.ORG", "Café is open"}
        }) {
      HttpResponse<String> again =
          web.postJson(
              comments(),
              "{\"name\":\"R\",\"email\":\"" + variant[0] + "\",\"text\":\"" + variant[1] + "\"}");
      assertThat(again.statusCode()).as(variant[0] + " / " + variant[1]).isEqualTo(409);
    }
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void aCommentOfInvisibleCharactersOnlyIsRefusedAsEmpty() {
    HttpResponse<String> response =
        web.postJson(
            comments(),
            "{\"name\":\"\\u200b\",\"email\":\"ghost@example.org\","
                + "\"text\":\"\\u200b\\u200c\\u2060\\u00ad \\u2800\\u3164\\u034f\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"text\"").contains("\"field\":\"name\"");
  }

  @Test
  void unknownArticleIsNotFound() {
    HttpResponse<String> response =
        web.postJson(
            "/api/articles/no-such-article/comments",
            "{\"name\":\"A\",\"email\":\"a@example.org\",\"text\":\"Hello\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("detail").asString()).contains("no article");
    assertThat(web.getJson("/api/articles/no-such-article").statusCode()).isEqualTo(404);
  }

  @Test
  void closedArticleIsAConflict() {
    Article closed = articles.publish(ArticleFixtures.closed("Closed"));

    HttpResponse<String> response =
        web.postJson(
            "/api/articles/" + closed.slug() + "/comments",
            "{\"name\":\"A\",\"email\":\"a@example.org\",\"text\":\"Hello\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json(response).get("code").asString()).isEqualTo("comment.closed");
  }

  @Test
  void malformedJsonIsABadRequestWithoutInternals() {
    for (String body : new String[] {"{\"name\":", "[1,2]", "null", "{\"name\": {\"x\": 1}}"}) {
      HttpResponse<String> response = web.postJson(comments(), body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  @Test
  void invalidUtf8IsABadRequest() {
    byte[] body =
        "{\"name\":\"A\",\"email\":\"a@example.org\",\"text\":\"x\"}"
            .getBytes(StandardCharsets.UTF_8);
    body[body.length - 3] = (byte) 0xC3;

    assertThat(web.post(comments(), "application/json", body).statusCode()).isEqualTo(400);
  }

  @Test
  void wrongContentTypeIsUnsupported() {
    HttpResponse<String> response = web.post(comments(), "text/plain", "name=A");

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void bodyOverTheLimitIsRefused() {
    String text = "x".repeat(70_000);
    HttpResponse<String> response =
        web.postJson(
            comments(), "{\"name\":\"A\",\"email\":\"a@example.org\",\"text\":\"" + text + "\"}");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("title").asString()).isNotBlank();
  }

  @Test
  void streamedBodyOverTheLimitIsRefusedWithoutReadingItAll() {
    long before = commentCount();
    String text = "x".repeat(200_000);
    HttpResponse<String> response =
        web.postChunked(
            comments(),
            "application/json",
            ("{\"name\":\"A\",\"email\":\"a@example.org\",\"text\":\"" + text + "\"}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("code").asString()).isEqualTo("request.too-large");
    assertThat(commentCount()).isEqualTo(before);
  }

  @Test
  void publicListingShowsOnlyApprovedCommentsAndNeverEmails() {
    String approvedId =
        json(web.postJson(
                comments(),
                "{\"name\":\"Ava\",\"email\":\"ava-secret@example.org\",\"text\":\"Approved one\"}"))
            .get("id")
            .asString();
    web.postJson(
        comments(), "{\"name\":\"Bo\",\"email\":\"bo@example.org\",\"text\":\"Still pending\"}");
    decisions.approve(Long.parseLong(approvedId));

    HttpResponse<String> response = web.getJson(comments());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("items").findValuesAsString("text"))
        .containsExactly("Approved one");
    assertThat(response.body()).doesNotContain("ava-secret").doesNotContain("email");
  }

  @Test
  void cachedCommentListIsNeverStaleOnceADecisionReturns() {
    for (int round = 1; round <= 3; round++) {
      String id =
          json(web.postJson(
                  comments(),
                  "{\"name\":\"N\",\"email\":\"n"
                      + round
                      + "-"
                      + article.slug()
                      + "@example.org\",\"text\":\"Round "
                      + round
                      + "\"}"))
              .get("id")
              .asString();
      web.getJson(comments());
      decisions.approve(Long.parseLong(id));

      assertThat(json(web.getJson(comments())).get("items").findValuesAsString("text"))
          .as("after approval " + round)
          .hasSize(round)
          .contains("Round " + round);
    }
  }

  @Test
  void rejectedStatusNamesTheCodes() {
    JsonNode accepted =
        json(
            web.postJson(
                comments(), "{\"name\":\"C\",\"email\":\"c@example.org\",\"text\":\"Buy now\"}"));
    decisions.reject(accepted.get("id").asLong(), Set.of(GuidelineCode.PROMOTION), "No adverts");

    JsonNode status = json(web.getJson("/api/comments/" + accepted.get("token").asString()));

    assertThat(status.get("status").asString()).isEqualTo("REJECTED");
    assertThat(status.get("codes").get(0).asString()).isEqualTo("PROMOTION");
    assertThat(status.get("decidedAt").asString()).isNotBlank();
  }

  @Test
  void unknownTokenIsNotFound() {
    assertThat(web.getJson("/api/comments/" + "A".repeat(43)).statusCode()).isEqualTo(404);
  }

  @Test
  void articlesAreListedNewestFirstAndReadBySlug() {
    JsonNode list = json(web.getJson("/api/articles?size=5"));
    assertThat(list.get("items").get(0).get("slug").asString()).isEqualTo(article.slug());

    JsonNode one = json(web.getJson("/api/articles/" + article.slug()));
    assertThat(one.get("headline").asString()).isEqualTo("Libraries open later");
    assertThat(one.get("direction").asString()).isEqualTo("ltr");
    assertThat(one.get("commentsOpen").asBoolean()).isTrue();
    assertThat(one.get("tags").get(0).asString()).isEqualTo("Libraries");
    assertThat(one.has("publishedAt")).isTrue();
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    HttpResponse<String> response = web.getJson("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("paths").has("/api/articles/{slug}/comments")).isTrue();
  }
}
