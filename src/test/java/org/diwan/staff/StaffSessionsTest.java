package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A staff session ends the moment its account is disabled, re-keyed or given other roles. */
@OnSqlite
class StaffSessionsTest {

  @Autowired StaffAccounts accounts;
  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentQueue queue;
  @Autowired Environment environment;

  int port;

  @BeforeEach
  void setUp() {
    port = environment.getRequiredProperty("local.server.port", Integer.class);
  }

  private WebClient loggedIn(String email, String password) {
    return new WebClient(port).logIn(email, password);
  }

  private static boolean sentToLogin(HttpResponse<String> response) {
    return response.statusCode() == 302
        && response.headers().firstValue("Location").orElse("").endsWith("/login");
  }

  private long id(String email) {
    return accounts.byEmail(email).orElseThrow().id();
  }

  @Test
  void aDisabledModeratorsOpenSessionCanNeitherReadTheQueueNorDecide() {
    String moderator = StaffFixtures.member(accounts, Role.MODERATOR);
    WebClient web = loggedIn(moderator, StaffFixtures.PASSWORD);
    Article article = articles.publish(ArticleFixtures.english("Disabled moderator"));
    long comment = submission.submit(CommentFixtures.valid(article.slug())).id();
    String token = web.csrfToken("/moderation");

    accounts.setEnabled(id(moderator), false, "admin@example.org");

    assertThat(sentToLogin(web.get("/moderation"))).isTrue();
    HttpResponse<String> decided =
        web.postForm(
            "/moderation/comments/" + comment + "/decision",
            Map.of("action", "APPROVE", "_csrf", token));
    assertThat(decided.headers().firstValue("Location").orElse("")).doesNotContain("/moderation");
    assertThat(queue.find(comment).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
    String editor = StaffFixtures.member(accounts, Role.EDITOR);
    WebClient here = loggedIn(editor, StaffFixtures.PASSWORD);
    WebClient elsewhere = loggedIn(editor, StaffFixtures.PASSWORD);
    String fresh = "another long passphrase";

    HttpResponse<String> changed =
        here.submitForm(
            "/account/password",
            "/account/password",
            Map.of("current", StaffFixtures.PASSWORD, "replacement", fresh, "repeat", fresh));

    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(here.get("/editor").statusCode()).isEqualTo(200);
    assertThat(sentToLogin(elsewhere.get("/editor"))).isTrue();
    assertThat(loggedIn(editor, fresh).get("/editor").statusCode()).isEqualTo(200);
  }

  @Test
  void aPasswordResetByAnAdminEndsEverySessionOfTheAccount() {
    String editor = StaffFixtures.member(accounts, Role.EDITOR);
    WebClient web = loggedIn(editor, StaffFixtures.PASSWORD);
    assertThat(web.get("/editor").statusCode()).isEqualTo(200);

    accounts.resetPassword(id(editor), "admin@example.org");

    assertThat(sentToLogin(web.get("/editor"))).isTrue();
  }

  @Test
  void aRoleChangeEndsTheSessionsMadeWithTheOldRoles() {
    String admin = StaffFixtures.member(accounts, Role.ADMIN, Role.MODERATOR);
    WebClient web = loggedIn(admin, StaffFixtures.PASSWORD);
    assertThat(web.get("/admin/staff").statusCode()).isEqualTo(200);

    accounts.setRoles(id(admin), Set.of(Role.MODERATOR), "admin@example.org");

    assertThat(sentToLogin(web.get("/admin/staff"))).isTrue();
    WebClient again = loggedIn(admin, StaffFixtures.PASSWORD);
    assertThat(again.get("/admin/staff").statusCode()).isEqualTo(403);
    assertThat(again.get("/moderation").statusCode()).isEqualTo(200);
  }
}
