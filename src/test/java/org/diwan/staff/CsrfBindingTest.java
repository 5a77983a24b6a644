package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A staff form's CSRF token belongs to the staff member's session: a token an attacker got for
 * themselves, planted as a cookie in the moderator's browser, does not make a decision.
 */
@OnSqlite
class CsrfBindingTest {

  private static final Pattern FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired StaffAccounts accounts;
  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentQueue queue;
  @Autowired Environment environment;

  @Test
  void aPlantedCookieAndItsTokenDoNotForgeAModerationDecision() throws Exception {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    Article article = articles.publish(ArticleFixtures.english("Forged decision"));
    long comment = submission.submit(CommentFixtures.valid(article.slug())).id();
    WebClient moderator =
        new WebClient(port)
            .logIn(StaffFixtures.member(accounts, Role.MODERATOR), StaffFixtures.PASSWORD);
    // The attacker reads an article page as a reader: a cookie and the form's matching token.
    HttpResponse<String> attackersPage =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + article.path()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String plantedCookie =
        attackersPage.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    Matcher token = FIELD.matcher(attackersPage.body());
    assertThat(token.find()).isTrue();

    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/moderation/comments/"
                                + comment
                                + "/decision"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(
                        "Cookie",
                        "JSESSIONID=" + moderator.cookie("JSESSIONID") + "; " + plantedCookie)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            WebClient.form(Map.of("action", "APPROVE", "_csrf", token.group(1)))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(queue.find(comment).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
    // The moderator's own form still works, and a reader still comments without a session.
    assertThat(
            moderator
                .submitForm(
                    "/moderation",
                    "/moderation/comments/" + comment + "/decision",
                    Map.of("action", "APPROVE"))
                .statusCode())
        .isEqualTo(200);
    assertThat(queue.find(comment).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
    HttpResponse<String> reader =
        new WebClient(port)
            .submitForm(
                article.path(),
                article.path() + "/comments",
                Map.of("name", "Reader", "email", CommentFixtures.email(), "text", "Still open."));
    assertThat(reader.statusCode()).isEqualTo(303);
    assertThat(reader.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
  }
}
