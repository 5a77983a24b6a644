package org.diwan.wordlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admins edit the screening word lists at runtime, by page and by API; bad lists change nothing.
 */
@OnSqlite
class WordListTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  // A word no shipped list, model or other test knows, so only the edited list can flag it.
  private static final String WORD = "flibbertigibbet";
  private static final String COMMENT = "Only a " + WORD + " would write this column.";

  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys keys;
  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired WordLists wordLists;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  WebClient web;
  String[] admin;
  String[] moderator;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    admin = new String[] {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.ADMIN)};
    moderator = new String[] {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.MODERATOR)};
  }

  @AfterEach
  void restore() {
    for (WordLists.Kind kind : WordLists.Kind.values()) {
      wordLists.restoreShipped("en", kind, "test");
    }
  }

  private JsonNode screen(String text) {
    HttpResponse<String> response =
        web.send("POST", "/api/screen", "{\"text\":\"" + text + "\"}", moderator);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> putList(String path, String text, String... auth) {
    String[] headers = new String[auth.length + 2];
    System.arraycopy(auth, 0, headers, 0, auth.length);
    headers[auth.length] = "Content-Type";
    headers[auth.length + 1] = "text/plain; charset=UTF-8";
    return web.send("PUT", path, text, headers);
  }

  private String englishBanned() {
    return wordLists.all().stream()
        .filter(l -> l.language().equals("en") && l.kind() == WordLists.Kind.BANNED)
        .findFirst()
        .orElseThrow()
        .text();
  }

  @Test
  void anEntryAddedByApiFlagsTheNextCommentAndHighlightsTheWord() {
    assertThat(screen(COMMENT).get("flagged").toString()).doesNotContain("PERSONAL_ATTACK");
    String edited = englishBanned() + "\nPERSONAL_ATTACK " + WORD + "*\n";

    HttpResponse<String> saved = putList("/api/admin/word-lists/en/banned", edited, admin);

    assertThat(saved.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(saved.body());
    assertThat(list.get("edited").asBoolean()).isTrue();
    assertThat(list.get("updatedBy").asString()).startsWith("key:");
    JsonNode result = screen("Only a " + WORD + "s would write this column.");
    assertThat(result.get("flagged").toString()).contains("PERSONAL_ATTACK");
    JsonNode evidence = result.get("evidence").get(0);
    String text = "Only a " + WORD + "s would write this column.";
    assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
        .startsWith(WORD);

    Article article = articles.publish(ArticleFixtures.english("Word lists at work"));
    long id = submission.submit(CommentFixtures.withText(article.slug(), COMMENT)).id();
    assertThat(
            jdbc.sql("SELECT flagged FROM comment_screening WHERE comment_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .contains("PERSONAL_ATTACK");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'wordlist.changed'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void aListThatCannotBeReadIsRefusedWithItsLineAndChangesNothing() {
    String before = englishBanned();

    HttpResponse<String> refused =
        putList("/api/admin/word-lists/en/banned", "PROFANITY darn\nRUDENESS " + WORD, admin);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(JSON.readTree(refused.body()).get("detail").asString())
        .contains("line 2")
        .contains("RUDENESS");
    assertThat(englishBanned()).isEqualTo(before);
    assertThat(putList("/api/admin/word-lists/xx/banned", "PROFANITY darn", admin).statusCode())
        .isEqualTo(400);
    assertThat(putList("/api/admin/word-lists/en/kind", "PROFANITY darn", admin).statusCode())
        .isEqualTo(400);
    assertThat(
            putList("/api/admin/word-lists/en/banned", "PROFANITY x".repeat(3_000), admin)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void onlyAdminsEditLists() {
    assertThat(putList("/api/admin/word-lists/en/banned", "PROFANITY darn", moderator).statusCode())
        .isEqualTo(403);
    assertThat(putList("/api/admin/word-lists/en/banned", "PROFANITY darn").statusCode())
        .isEqualTo(401);
    String moderatorEmail = StaffFixtures.member(accounts, Role.MODERATOR);
    WebClient page =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class))
            .logIn(moderatorEmail, StaffFixtures.PASSWORD);
    assertThat(page.get("/admin/word-lists").statusCode()).isEqualTo(403);
  }

  @Test
  void adminEditsOnThePageKeepsTheDraftOnAMistakeAndRestoresTheShippedList() {
    String email = StaffFixtures.member(accounts, Role.ADMIN);
    web.logIn(email, StaffFixtures.PASSWORD);
    HttpResponse<String> page = web.get("/admin/word-lists");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("English", "Arabic", "fuck*", "as shipped");

    String typo = "PROFANITY darn\nPERSONAL-ATTACK " + WORD;
    HttpResponse<String> refused =
        web.submitForm(
            "/admin/word-lists",
            "/admin/word-lists",
            Map.of("language", "en", "kind", "SUSPECT", "text", typo, "action", "save"));
    assertThat(refused.statusCode()).isEqualTo(302);
    String shown = web.get("/admin/word-lists").body();
    assertThat(shown).contains("line 2", "PERSONAL-ATTACK " + WORD);

    web.submitForm(
        "/admin/word-lists",
        "/admin/word-lists",
        Map.of(
            "language",
            "en",
            "kind",
            "SUSPECT",
            "text",
            "PERSONAL_ATTACK " + WORD,
            "action",
            "save"));
    String saved = web.get("/admin/word-lists").body();
    assertThat(saved).contains("Saved the en suspect list", "edited by " + email);

    HttpResponse<String> trial =
        web.submitForm("/admin/word-lists", "/admin/word-lists/try", Map.of("text", COMMENT));
    assertThat(trial.body()).contains("<mark title=\"PERSONAL_ATTACK\">" + WORD + "</mark>");

    web.submitForm(
        "/admin/word-lists",
        "/admin/word-lists",
        Map.of("language", "en", "kind", "SUSPECT", "text", "", "action", "restore"));
    assertThat(web.get("/admin/word-lists").body()).doesNotContain("edited by " + email);
    assertThat(screen(COMMENT).get("evidence").toString()).doesNotContain("\"start\":7");
  }
}
