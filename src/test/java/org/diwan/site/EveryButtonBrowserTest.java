package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.guideline.GuidelineCode;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.diwan.support.Walk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The test that presses every button. On a fresh data directory with the demo site and a first
 * admin who holds every role, a moderator, an editor, an admin and that first admin each log in
 * with the login form in real Chromium, visit every console page reachable from their start page
 * (opening each reader's page it links to), submit every form with each value it can send, press
 * every other button, and log out (see {@link Walk}). Any 5xx, any 403, a link that leads to an
 * error, or a page with a stack trace fails it. What each walked and pressed is written to {@code
 * target/walk/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diwan.demo=true",
      "diwan.admin.email=" + EveryButtonBrowserTest.FIRST_ADMIN,
      "diwan.admin.password=" + EveryButtonBrowserTest.FIRST_PASSWORD,
      "diwan.limits.comments-per-ip-per-minute=0",
      "diwan.limits.comments-per-email-per-minute=0",
      "diwan.limits.login-failures=0"
    })
@ContextConfiguration(initializers = OnSqlite.FreshDataDirectory.class)
class EveryButtonBrowserTest {

  static final String FIRST_ADMIN = "first.admin@example.org";
  static final String FIRST_PASSWORD = "the first admin's password";

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @Autowired StaffAccounts accounts;
  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired Environment environment;

  private record Walker(String role, String email, String password) {}

  /**
   * Comments for two moderating walkers: to approve, to reject under each code, to take down under
   * each code. From four readers, so the queue's per-commenter links stay few.
   */
  private void commentsToModerate() {
    List<Article> demo = articles.newest(0, 10);
    for (int i = 0; i < 36; i++) {
      Article on = demo.get(i % demo.size());
      long id =
          submission
              .submit(
                  new SubmitComment(
                      on.slug(),
                      "Reader " + i % 4,
                      "reader" + i % 4 + "@example.org",
                      "Reader comment " + i + " on the story."))
              .id();
      if (i % 2 == 0) {
        decisions.approve(id);
      }
    }
  }

  private static Path photo() throws IOException {
    Path file = Files.createTempFile("walk-", ".jpg");
    try (InputStream in = new ClassPathResource("demo/erbil-bazaar.jpg").getInputStream()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  @Test
  void everyRoleWalksEveryPageAndPressesEveryButtonWithoutAnError() throws IOException {
    String base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
    commentsToModerate();
    List<Walker> walkers =
        List.of(
            new Walker(
                "moderator",
                StaffFixtures.member(accounts, Role.MODERATOR),
                StaffFixtures.PASSWORD),
            new Walker(
                "editor", StaffFixtures.member(accounts, Role.EDITOR), StaffFixtures.PASSWORD),
            new Walker("admin", StaffFixtures.member(accounts, Role.ADMIN), StaffFixtures.PASSWORD),
            new Walker("first-admin", FIRST_ADMIN, FIRST_PASSWORD));
    Path photo = photo();
    Path report = Path.of("target", "walk");
    Files.createDirectories(report);

    for (int i = 0; i < walkers.size(); i++) {
      Walker walker = walkers.get(i);
      List<String> spare = new ArrayList<>();
      walkers.subList(i, walkers.size()).forEach(w -> spare.add(w.email()));
      Walk walk =
          new Walk(session.driver(), base, walker.email(), walker.password(), spare, photo)
              .logIn()
              .from("/staff");
      session.driver().get(base + "/staff");
      Browser.screenshot(session.driver(), "walk-" + walker.role());
      walk.logOut();

      Files.write(
          report.resolve(walker.role() + ".txt"),
          report(walk.pages(), walk.presses()),
          StandardCharsets.UTF_8);
      assertPressed(walker.role(), walk.presses());
    }
  }

  private static List<String> report(Set<String> pages, Set<String> presses) {
    List<String> lines = new ArrayList<>();
    lines.add("# pages (" + pages.size() + ")");
    pages.forEach(p -> lines.add(Walk.pathOf(p)));
    lines.add("# presses (" + presses.size() + ")");
    lines.addAll(presses);
    return lines;
  }

  /** What each role's walk must at least have pressed, so a walk that stops short fails. */
  private static void assertPressed(String role, Set<String> presses) {
    String all = String.join("\n", presses);
    assertThat(all).as(role).contains("post /login", "post /logout", "post /account/password");
    assertThat(all).as(role).contains("post /articles/*/comments");
    if (role.equals("moderator") || role.equals("first-admin")) {
      assertThat(all).contains("[action=APPROVE]");
      for (GuidelineCode code : GuidelineCode.values()) {
        assertThat(all).as(role).contains("[action=REJECT] Reject r {codes=" + code + "}");
        assertThat(all).as(role).contains("[action=REMOVE] Remove x {codes=" + code + "}");
      }
    }
    if (role.equals("editor") || role.equals("first-admin")) {
      assertThat(all)
          .as(role)
          .contains("[open=false]", "[open=true]", "[published=false]", "[published=true]");
      for (String language : List.of("en", "ckb", "kmr", "ar", "fa", "tr")) {
        assertThat(all).as(role).contains("language=" + language);
      }
      assertThat(all).as(role).contains("/photos Upload photo");
      assertThat(all)
          .as(role)
          .contains(
              "post /editor/sections Add section",
              "post /editor/sections/* Rename",
              "post /editor/sections/*/move to=earlier",
              "post /editor/sections/*/delete Remove");
    }
    if (role.equals("admin") || role.equals("first-admin")) {
      assertThat(all).as(role).contains("[enabled=false]", "[enabled=true]", "Reset password");
      assertThat(all).as(role).contains("/revoke", "Create key {role=MODERATOR}");
      assertThat(all).as(role).contains("Create account {roles=EDITOR}");
      assertThat(all).as(role).contains("Save policies", "Screen it", "Restore the shipped list");
      assertThat(all)
          .as(role)
          .contains(
              "post /admin/webhooks Add endpoint",
              "post /admin/webhooks/*/secret Rotate secret",
              "post /admin/webhooks/*/delete Delete",
              "post /admin/sites Allow",
              "post /admin/sites/remove [origin=https://walk-");
    }
  }
}
