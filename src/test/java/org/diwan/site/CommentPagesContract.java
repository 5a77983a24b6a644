package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmittedComment;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long comment threads and take-downs as readers and integrations see them, against each supported
 * database: every approved comment is reachable a page at a time in either order, a commenter's
 * link opens the page holding their comment, and a removed comment is gone from every answer at
 * once.
 */
abstract class CommentPagesContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern COMMENT_ID =
      Pattern.compile("<li class=\"comment[^\"]*\" id=\"comment-(\\d+)\"");
  private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">");
  private static final Pattern PREVIOUS = Pattern.compile("<a href=\"([^\"]+)\" rel=\"prev\">");
  private static final Pattern LAST = Pattern.compile("<a href=\"([^\"]+)\" rel=\"last\">");

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired ApiKeys keys;
  @Autowired Environment environment;

  WebClient web;
  Article article;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    article = articles.publish(ArticleFixtures.english("A long thread"));
  }

  /** Posts and approves {@code count} comments, oldest first, and returns them. */
  private List<SubmittedComment> approved(int count) {
    List<SubmittedComment> comments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SubmittedComment c =
          submission.submit(CommentFixtures.withText(article.slug(), "Comment number " + i));
      decisions.approve(c.id());
      comments.add(c);
    }
    return comments;
  }

  private static List<Long> ids(List<SubmittedComment> comments) {
    return comments.stream().map(SubmittedComment::id).toList();
  }

  private static List<Long> shown(String page) {
    List<Long> ids = new ArrayList<>();
    Matcher id = COMMENT_ID.matcher(page);
    while (id.find()) {
      ids.add(Long.parseLong(id.group(1)));
    }
    return ids;
  }

  private static String link(Pattern rel, String page) {
    Matcher link = rel.matcher(page);
    return link.find() ? link.group(1).replace("&amp;", "&").replaceFirst("#.*$", "") : null;
  }

  /** Follows {@code rel} links from {@code start}, collecting every comment shown. */
  private List<Long> walk(String start, Pattern rel, List<Integer> sizes) {
    List<Long> seen = new ArrayList<>();
    for (String address = start; address != null; ) {
      HttpResponse<String> page = web.get(address);
      assertThat(page.statusCode()).as(address).isEqualTo(200);
      List<Long> here = shown(page.body());
      sizes.add(here.size());
      if (rel == PREVIOUS) {
        Collections.reverse(here);
      }
      seen.addAll(here);
      address = link(rel, page.body());
    }
    return seen;
  }

  @Test
  void everyApprovedCommentIsReachableAPageAtATimeInEitherOrder() {
    List<Long> all = ids(approved(501));
    List<Long> newestFirst = new ArrayList<>(all);
    Collections.reverse(newestFirst);

    String first = web.get(article.path()).body();
    assertThat(first).contains("Comments <span class=\"count\">501</span>");
    List<Integer> sizes = new ArrayList<>();
    assertThat(walk(article.path(), NEXT, sizes)).isEqualTo(all);
    assertThat(sizes).hasSize(11).allMatch(n -> n <= 50);

    List<Integer> newestSizes = new ArrayList<>();
    assertThat(walk(article.path() + "?order=newest", NEXT, newestSizes)).isEqualTo(newestFirst);

    String last = link(LAST, first);
    assertThat(shown(web.get(last).body())).isEqualTo(all.subList(451, 501));
    List<Long> backwards = walk(last, PREVIOUS, new ArrayList<>());
    Collections.reverse(backwards);
    assertThat(backwards).isEqualTo(all);
  }

  @Test
  void commentsApiPagesTheSameWayWithTheTotal() {
    List<Long> all = ids(approved(130));
    for (String order : new String[] {"oldest", "newest"}) {
      List<Long> seen = new ArrayList<>();
      String after = "0";
      do {
        JsonNode page =
            JSON.readTree(
                web.getJson(
                        "/api/articles/"
                            + article.slug()
                            + "/comments?limit=50&order="
                            + order
                            + "&after="
                            + after)
                    .body());
        assertThat(page.get("total").asLong()).isEqualTo(130);
        page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
        after = page.get("next").isNull() ? null : page.get("next").asString();
      } while (after != null);
      List<Long> expected = new ArrayList<>(all);
      if (order.equals("newest")) {
        Collections.reverse(expected);
      }
      assertThat(seen).as(order).isEqualTo(expected);
    }
  }

  @Test
  void statusLinkOpensThePageHoldingTheCommentWithItMarked() {
    List<SubmittedComment> comments = approved(120);
    SubmittedComment mine = comments.get(97);

    String status = web.get(mine.statusPath()).body();
    Matcher see = Pattern.compile("href=\"([^\"]+)\" class=\"see-comment\"").matcher(status);
    assertThat(see.find()).isTrue();
    assertThat(see.group(1)).endsWith("#comment-" + mine.id());

    String page = web.get(see.group(1).replaceFirst("#.*$", "")).body();
    assertThat(shown(page)).contains(mine.id());
    assertThat(page)
        .contains(
            "<li class=\"comment marked\" id=\"comment-" + mine.id() + "\" aria-current=\"true\">");
    assertThat(page).containsOnlyOnce("class=\"comment marked\"");
  }

  @Test
  void pagesThatNoLinkGaveOutAreClearRefusals() {
    List<SubmittedComment> comments = approved(3);
    Article other = articles.publish(ArticleFixtures.english("Another thread"));
    long foreign = submission.submit(CommentFixtures.valid(other.slug())).id();
    String path = article.path();
    long newest = comments.get(2).id();

    for (String forged :
        new String[] {
          "?comments=garbage",
          "?comments=after-" + foreign,
          "?comments=before-0",
          "?comments=from-99999999999",
          "?order=sideways"
        }) {
      HttpResponse<String> refused = web.get(path + forged);
      assertThat(refused.statusCode()).as(forged).isEqualTo(400);
      assertThat(refused.body()).as(forged).contains("comments").doesNotContain("Exception");
    }
    HttpResponse<String> pastTheEnd = web.get(path + "?comments=after-" + newest);
    assertThat(pastTheEnd.statusCode()).isEqualTo(404);
    assertThat(pastTheEnd.body()).contains("no comments past that point");

    String api = "/api/articles/" + article.slug() + "/comments";
    for (String[] bad :
        new String[][] {
          {"?after=abc", "after"},
          {"?after=-5", "after"},
          {"?after=" + foreign, "after"},
          {"?after=99999999999", "after"},
          {"?order=sideways", "order"}
        }) {
      HttpResponse<String> refused = web.getJson(api + bad[0]);
      assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsString("field"))
          .as(bad[0])
          .containsExactly(bad[1]);
    }
  }

  @Test
  void aRemovedCommentIsGoneFromThePageTheApiAndEveryCachedAnswerAtOnce() {
    List<SubmittedComment> comments = approved(3);
    SubmittedComment removed = comments.get(1);
    String api = "/api/articles/" + article.slug() + "/comments";
    List<String> answers =
        List.of(
            article.path(),
            article.path() + "?order=newest",
            article.path() + "?comments=from-" + comments.get(0).id());
    List<String> json = List.of(api, api + "?order=newest", api + "?limit=2");
    // Every answer is read once first, so the caches hold the comment when it is removed.
    answers.forEach(a -> assertThat(web.get(a).body()).contains("Comment number 1"));
    json.forEach(a -> assertThat(web.getJson(a).body()).contains("Comment number 1"));

    HttpResponse<String> takeDown =
        web.send(
            "POST",
            "/api/moderation/comments/" + removed.id() + "/decision",
            "{\"action\":\"REMOVE\",\"codes\":[\"THREAT\"],\"note\":\"Readers reported it.\"}",
            "Authorization",
            "Bearer " + StaffFixtures.key(keys, Role.MODERATOR));
    assertThat(takeDown.statusCode()).isEqualTo(200);

    for (String a : answers) {
      assertThat(web.get(a).body())
          .as(a)
          .doesNotContain("Comment number 1")
          .contains("Comment number 2");
    }
    for (String a : json) {
      assertThat(web.getJson(a).body()).as(a).doesNotContain("Comment number 1");
    }
    assertThat(web.get(article.path()).body()).contains("Comments <span class=\"count\">2</span>");
    assertThat(web.getJson(api).body()).contains("\"total\":2");
    approved(1);
    assertThat(web.get(article.path()).body()).contains("Comments <span class=\"count\">3</span>");
    assertThat(web.getJson(api).body()).contains("\"total\":3");
    assertThat(web.get("/feed.atom").body()).doesNotContain("Comment number 1");

    String status = web.get(removed.statusPath()).body();
    assertThat(status)
        .contains("<h2>Removed</h2>")
        .contains("No threats")
        .contains("Readers reported it.")
        .contains("Comment number 1");
    JsonNode statusJson = JSON.readTree(web.getJson("/api/comments/" + removed.token()).body());
    assertThat(statusJson.get("status").asString()).isEqualTo("REMOVED");
    assertThat(statusJson.get("removedAt").isNull()).isFalse();
    assertThat(statusJson.get("codes").toString()).contains("THREAT");
  }
}
