package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.Articles;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.SubmitComment;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Script-injection payloads put everywhere a reader or an editor can write (names, comment texts,
 * headlines, bodies, datelines, tags, notes), then every public and staff page that shows them is
 * opened in real Chromium. A payload that runs sets {@code window.__xss}; the test fails if any
 * page has it set, or if any payload turned into a real element.
 */
@OnSqlite
class XssCorpusBrowserTest {

  /** Each payload calls x() in some way; the pages must show them all as plain text. */
  static final List<String> PAYLOADS =
      List.of(
          "<script>window.__xss=1</script>",
          "<img src=x onerror=\"window.__xss=1\">",
          "\"><svg onload=window.__xss=1>",
          "'><iframe src=\"javascript:window.__xss=1\"></iframe>",
          "<a href=\"javascript:window.__xss=1\">click</a>",
          "</textarea><script>window.__xss=1</script>",
          "</title><script>window.__xss=1</script>",
          "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
          "{{constructor.constructor('window.__xss=1')()}}",
          "<details open ontoggle=window.__xss=1>",
          "\u202E<script>window.__xss=1</script>");

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentQueue queue;
  @Autowired Moderation moderation;
  @Autowired StaffAccounts accounts;
  @Autowired Environment environment;

  @Test
  void noPayloadRunsOnAnyPage() {
    String base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
    String all = String.join(" ", PAYLOADS);
    Article article =
        articles.create(
            null,
            new ArticleEdit(
                "Headline " + PAYLOADS.get(0) + PAYLOADS.get(6),
                "Source " + PAYLOADS.get(1),
                "Dateline " + PAYLOADS.get(2),
                "Body "
                    + all
                    + "\n\n> Quote "
                    + all
                    + "\n> — "
                    + PAYLOADS.get(3)
                    + "\n\n## "
                    + PAYLOADS.get(9),
                List.of("tag " + PAYLOADS.get(1).substring(0, 30), "x<b>y"),
                "en"),
            true,
            "xss@example.org");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < PAYLOADS.size(); i++) {
      String p = PAYLOADS.get(i);
      ids.add(
          submission
              .submit(
                  new SubmitComment(
                      article.slug(),
                      ("N" + p).substring(0, Math.min(80, p.length() + 1)),
                      "xss" + i + "@example.org",
                      "T " + p + " " + all))
              .id());
    }
    for (int i = 0; i < ids.size(); i++) {
      if (i % 2 == 0) {
        moderation.decide(
            new Decide(ids.get(i), DecisionAction.APPROVE, Set.of(), null, "m@example.org", false));
      } else if (i % 3 == 0) {
        moderation.decide(
            new Decide(
                ids.get(i),
                DecisionAction.REJECT,
                Set.of(org.diwan.guideline.GuidelineCode.ABUSE),
                "Note " + all,
                "m@example.org",
                false));
      }
    }
    assertThat(queue.find(new QueueQuery(CommentStatus.PENDING, article.slug(), null, 0, 50)))
        .isNotEmpty();

    List<String> pages =
        new ArrayList<>(
            List.of(
                "/",
                article.path(),
                "/tags/" + org.diwan.article.Tag.named("x<b>y").slug(),
                "/feed.atom",
                "/api/articles/" + article.slug() + "/comments"));
    visit(base, pages);

    String admin = StaffFixtures.member(accounts, Role.ADMIN);
    accounts.setRoles(
        accounts.byEmail(admin).orElseThrow().id(),
        Set.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR),
        "test");
    session.driver().get(base + "/login");
    session.driver().findElement(By.id("username")).sendKeys(admin);
    session.driver().findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    new WebDriverWait(session.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/staff"));
    visit(
        base,
        List.of(
            "/moderation?status=PENDING&article=" + article.slug(),
            "/moderation?status=APPROVED&article=" + article.slug(),
            "/moderation?status=REJECTED&article=" + article.slug(),
            "/moderation?status=PENDING&order=RISK&article=" + article.slug(),
            "/moderation/dashboard",
            "/editor",
            "/editor/articles/" + article.slug(),
            "/admin/audit",
            "/admin/staff"));
    Browser.screenshot(session.driver(), "xss-moderation");
  }

  private void visit(String base, List<String> paths) {
    for (String path : paths) {
      session.driver().get(base + path);
      JavascriptExecutor js = (JavascriptExecutor) session.driver();
      assertThat(js.executeScript("return window.__xss === undefined")).as(path).isEqualTo(true);
      assertThat(
              session
                  .driver()
                  .findElements(
                      By.cssSelector(
                          "img[src='x'], svg[onload], iframe, details[ontoggle], a[href^='javascript']")))
          .as("payload elements on " + path)
          .isEmpty();
      assertThat(js.executeScript("return document.querySelectorAll('script:not([src])').length"))
          .as("inline scripts on " + path)
          .isEqualTo(0L);
    }
  }
}
