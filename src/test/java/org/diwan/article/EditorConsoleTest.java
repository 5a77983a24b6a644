package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Html;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's console and the article API as an editor uses them: every button sends the value its
 * page shows, comments open and close from both, and the language comes from Diwan's list.
 */
@OnSqlite
class EditorConsoleTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Articles articles;
  @Autowired Sections sections;
  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys keys;
  @Autowired Environment environment;

  WebClient editor;
  WebClient api;
  String key;

  @BeforeEach
  void logIn() {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    editor =
        new WebClient(port)
            .logIn(StaffFixtures.member(accounts, Role.EDITOR), StaffFixtures.PASSWORD);
    api = new WebClient(port);
    key = StaffFixtures.key(keys, Role.EDITOR);
  }

  private HttpResponse<String> press(String slug, String button, String field) {
    String page = "/editor/articles/" + slug;
    String action = page + "/" + button;
    String value = Html.hiddenValue(editor.get(page).body(), action, field);
    return editor.submitForm(page, action, Map.of(field, value));
  }

  @Test
  void closeOpenUnpublishAndPublishButtonsSendTheValueTheirPageShows() {
    String slug = articles.publish(ArticleFixtures.english("Buttons that work")).slug();

    for (boolean open : new boolean[] {false, true}) {
      assertThat(press(slug, "comments", "open").statusCode()).isEqualTo(302);
      assertThat(articles.getForEditing(slug).commentsOpen()).isEqualTo(open);
    }
    for (boolean published : new boolean[] {false, true}) {
      assertThat(press(slug, "published", "published").statusCode()).isEqualTo(302);
      assertThat(articles.getForEditing(slug).published()).isEqualTo(published);
    }
  }

  @Test
  void aButtonPostedWithoutItsValueIsARefusedRequestNotAnError() {
    String slug = articles.publish(ArticleFixtures.english("Half a form")).slug();
    String page = "/editor/articles/" + slug;

    for (String button : new String[] {"comments", "published"}) {
      HttpResponse<String> sent =
          editor.submitForm(
              page,
              page + "/" + button,
              Map.of(button.equals("comments") ? "open" : "published", ""));
      assertThat(sent.statusCode()).isEqualTo(400);
      assertThat(sent.body()).contains("Reload the page");
    }
    assertThat(articles.getForEditing(slug).commentsOpen()).isTrue();
    assertThat(articles.getForEditing(slug).published()).isTrue();
  }

  @Test
  void articleApiClosesAndReopensComments() {
    String slug = articles.publish(ArticleFixtures.english("Closing by API")).slug();
    String body =
        "{\"headline\":\"Closing by API\",\"source\":\"Wire\",\"body\":\"Text.\","
            + "\"language\":\"en\",\"commentsOpen\":%s}";

    HttpResponse<String> closed =
        api.send("PUT", "/api/articles/" + slug, body.formatted("false"), "Authorization", auth());
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(closed.body()).get("commentsOpen").asBoolean()).isFalse();
    assertThat(api.get("/articles/" + slug).body())
        .contains("Comments on this article are closed.");

    HttpResponse<String> opened =
        api.send("PUT", "/api/articles/" + slug, body.formatted("true"), "Authorization", auth());
    assertThat(JSON.readTree(opened.body()).get("commentsOpen").asBoolean()).isTrue();
    assertThat(articles.getForEditing(slug).commentsOpen()).isTrue();
  }

  private String auth() {
    return "Bearer " + key;
  }

  @Test
  void languageIsPickedFromDiwansListAndTheDirectionFollows() {
    String form = editor.get("/editor/new").body();
    for (Language language : Language.values()) {
      assertThat(form).contains("<option value=\"" + language.code() + "\"");
    }
    assertThat(form).doesNotContain("name=\"language\" value=");

    HttpResponse<String> sorani =
        editor.submitForm(
            "/editor/new",
            "/editor",
            Map.of(
                "headline", "Sorani edition",
                "source", "Desk",
                "body", "Text.",
                "language", "ckb",
                "publish", "true"));
    assertThat(sorani.statusCode()).isEqualTo(302);
    String slug = sorani.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    assertThat(articles.get(slug).direction()).isEqualTo(TextDirection.RTL);
    assertThat(api.get("/articles/" + slug).body()).contains("lang=\"ckb\" dir=\"rtl\"");

    for (String wrong : new String[] {"enen", "Sorani", "ku-Arab", ""}) {
      HttpResponse<String> refused =
          editor.submitForm(
              "/editor/new",
              "/editor",
              Map.of(
                  "headline",
                  "Wrong " + wrong,
                  "source",
                  "Desk",
                  "body",
                  "Text.",
                  "language",
                  wrong));
      assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
      assertThat(refused.body()).contains("Choose one of the languages Diwan publishes in");
    }
  }

  @Test
  void articleApiNamesTheLanguageFieldForALanguageOffTheList() {
    String article =
        "{\"headline\":\"Lang\",\"source\":\"Wire\",\"body\":\"Text.\",\"language\":\"%s\"}";

    HttpResponse<String> refused =
        api.send("POST", "/api/articles", article.formatted("Sorani"), "Authorization", auth());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode errors = JSON.readTree(refused.body()).get("errors");
    assertThat(errors.findValuesAsString("field")).containsExactly("language");

    for (Language language : Language.values()) {
      HttpResponse<String> created =
          api.send(
              "POST",
              "/api/articles",
              article.formatted(language.code().toUpperCase()),
              "Authorization",
              auth());
      assertThat(created.statusCode()).isEqualTo(201);
      JsonNode json = JSON.readTree(created.body());
      assertThat(json.get("language").asString()).isEqualTo(language.code());
      assertThat(json.get("direction").asString()).isEqualTo(language.direction().html());
    }
  }

  @Test
  void anEditorDefinesSectionsFilesArticlesUnderThemAndReordersThem() {
    String slug = "desk-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> added =
        editor.submitForm(
            "/editor/sections",
            "/editor/sections",
            Map.of("language", "fa", "name", "اقتصاد", "slug", slug));
    assertThat(added.statusCode()).isEqualTo(302);
    Section section = sections.find("fa", slug).orElseThrow();
    String second = slug + "-2";
    editor.submitForm(
        "/editor/sections",
        "/editor/sections",
        Map.of("language", "fa", "name", "ورزش", "slug", second));
    assertThat(editor.get("/editor/sections").body())
        .contains("اقتصاد")
        .contains("/fa/sections/" + slug);

    editor.submitForm(
        "/editor/sections",
        "/editor/sections",
        Map.of("language", "fa", "name", "Again", "slug", slug));
    assertThat(editor.get("/editor/sections").body())
        .contains("already has a section at /fa/sections/" + slug);

    HttpResponse<String> filed =
        editor.submitForm(
            "/editor/new",
            "/editor",
            Map.of(
                "headline", "بازار تهران",
                "source", "Desk",
                "body", "متن.",
                "language", "fa",
                "section", slug,
                "publish", "true"));
    assertThat(filed.statusCode()).isEqualTo(302);
    String article =
        java.net.URLDecoder.decode(
            filed.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(articles.get(article).section()).isEqualTo(section);
    assertThat(editor.get("/editor/articles/" + article).body())
        .contains("<option value=\"" + slug + "\" selected>");
    assertThat(api.get(section.path()).body()).contains("بازار تهران");

    HttpResponse<String> wrongEdition =
        editor.submitForm(
            "/editor/new",
            "/editor",
            Map.of(
                "headline", "Wrong desk",
                "source", "Desk",
                "body", "Text.",
                "language", "en",
                "section", slug));
    assertThat(wrongEdition.statusCode()).isEqualTo(400);
    assertThat(wrongEdition.body()).contains("Choose one of the sections of the article");

    editor.submitForm(
        "/editor/sections", "/editor/sections/" + section.id(), Map.of("name", "اقتصاد و بازار"));
    editor.submitForm(
        "/editor/sections", "/editor/sections/" + section.id() + "/move", Map.of("to", "later"));
    assertThat(sections.of("fa")).extracting(Section::slug).containsSubsequence(second, slug);
    assertThat(sections.find("fa", slug).orElseThrow().name()).isEqualTo("اقتصاد و بازار");

    editor.submitForm("/editor/sections", "/editor/sections/" + section.id() + "/delete", Map.of());
    assertThat(editor.get("/editor/sections").body()).contains("1 article is filed under");
    assertThat(sections.find("fa", slug)).isPresent();

    HttpResponse<String> unfiled =
        api.send(
            "PUT",
            "/api/articles/" + article,
            "{\"headline\":\"بازار تهران\",\"source\":\"Desk\",\"body\":\"متن.\","
                + "\"language\":\"fa\",\"section\":\"\"}",
            "Authorization",
            auth());
    assertThat(JSON.readTree(unfiled.body()).get("section").isNull()).isTrue();
    editor.submitForm("/editor/sections", "/editor/sections/" + section.id() + "/delete", Map.of());
    assertThat(sections.find("fa", slug)).isEmpty();
  }
}
