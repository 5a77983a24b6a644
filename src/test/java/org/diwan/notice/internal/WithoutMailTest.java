package org.diwan.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** No SMTP host configured: nothing about e-mail is offered, and posting works as before. */
@OnSqlite
class WithoutMailTest {

  @Autowired Articles articles;
  @Autowired Moderation moderation;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void theFormOffersNoEmailBoxAndAnAskedNoticeIsNeitherKeptNorQueued() {
    Article article = articles.publish(ArticleFixtures.english("Without mail"));
    WebClient web = new WebClient(port);
    assertThat(web.get(article.path()).body()).contains("name=\"email\"").doesNotContain("emailMe");

    var posted =
        web.postJson(
            "/api/articles/" + article.slug() + "/comments",
            "{\"name\":\"Rez\",\"email\":\"rez@example.org\",\"text\":\"Fine work.\",\"emailMe\":true}");
    assertThat(posted.statusCode()).isEqualTo(202);
    long id =
        jdbc.sql("SELECT id FROM comment WHERE email_key = 'rez@example.org'")
            .query(Long.class)
            .single();
    moderation.decide(
        new Decide(
            id,
            DecisionAction.REJECT,
            Set.of(GuidelineCode.PERSONAL_ATTACK),
            null,
            "m@x.test",
            false));

    assertThat(jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single()).isZero();
  }

  @Test
  void findMyCommentsIsNotOfferedAnywhere() {
    Article article = articles.publish(ArticleFixtures.english("No finding without mail"));
    WebClient web = new WebClient(port);
    var posted = viaForm(web, article, "Rez", "rez.find@example.org", "A fair point.");
    String status = posted.headers().firstValue("Location").orElseThrow();

    assertThat(web.get(article.path()).body()).doesNotContain("my-comments");
    assertThat(web.get(status).body()).contains("status-box").doesNotContain("my-comments");
    for (String edition : List.of("en", "ckb", "kmr", "ar", "fa", "tr")) {
      assertThat(web.get("/" + edition + "/my-comments").statusCode()).isEqualTo(404);
    }
    var asked =
        web.postForm(
            "/en/my-comments",
            Map.of("email", "rez.find@example.org", "_csrf", web.csrfToken(article.path())));
    assertThat(asked.statusCode()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single()).isZero();
  }

  @Test
  void aLineBreakInNameOrAddressIsRefusedWith400OnTheApiAndTheForm() {
    Article article = articles.publish(ArticleFixtures.english("Header injection"));
    WebClient web = new WebClient(port);

    var api =
        web.postJson(
            "/api/articles/" + article.slug() + "/comments",
            "{\"name\":\"Rez\\r\\nBcc: a@evil.test\",\"email\":\"r@example.org\",\"text\":\"Hi\"}");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("name");

    var form = viaForm(web, article, "Rez", "r@example.org\r\nBcc: a@evil.test", "Hi");
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.body()).contains("email-error");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  private static HttpResponse<String> viaForm(
      WebClient web, Article article, String name, String email, String text) {
    return web.submitForm(
        article.path(),
        article.path() + "/comments",
        Map.of("name", name, "email", email, "text", text));
  }
}
