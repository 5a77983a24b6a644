package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * In real Chromium: a reader posts two comments; a moderator logs in and, with the keyboard only,
 * approves one and rejects the other as a personal attack with a note; the reader sees both
 * outcomes.
 */
@OnSqlite
class ModeratorBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @Autowired Articles articles;
  @Autowired StaffAccounts accounts;
  @Autowired Environment environment;

  private String base() {
    return "http://localhost:" + environment.getRequiredProperty("local.server.port");
  }

  private String post(Article article, String name, String text) {
    return session.postComment(base(), article.path(), name, text);
  }

  private void logInAsModerator() {
    session.driver().get(base() + "/login");
    session
        .driver()
        .findElement(By.id("username"))
        .sendKeys(StaffFixtures.member(accounts, Role.MODERATOR));
    session.driver().findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    wait(10).until(ExpectedConditions.urlContains("/staff"));
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(session.driver(), Duration.ofSeconds(seconds));
  }

  private static void keys(CharSequence... keys) {
    new Actions(session.driver()).sendKeys(keys).perform();
  }

  @Test
  void moderatorDecidesWithTheKeyboardOnly() {
    Article article = articles.publish(ArticleFixtures.english("Stadium plans go on show"));
    String kind = post(article, "Rezan", "The plans look good, but where will people park?");
    String rude = post(article, "Troll", "Only an idiot like the author would believe this.");
    logInAsModerator();
    session.driver().get(base() + "/moderation?status=PENDING&article=" + article.slug());
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));
    Browser.screenshot(session.driver(), "moderation-queue");

    keys("a");
    wait(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 1));
    keys("r", "5", "n");
    keys("Name-calling is not an argument.", Keys.ENTER);
    wait(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 0));
    Browser.screenshot(session.driver(), "moderation-queue-done");

    session.driver().get(base() + article.path());
    assertThat(session.driver().findElement(By.cssSelector(".comment-list")).getText())
        .contains("where will people park?")
        .doesNotContain("idiot");

    session.driver().get(rude);
    assertThat(session.driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Not published");
    assertThat(session.driver().findElement(By.cssSelector(".status-box")).getText())
        .contains("Argue with ideas, not people")
        .contains("Name-calling is not an argument.");
    assertThat(
            session.driver().findElement(By.cssSelector(".comment-quote .comment-text")).getText())
        .isEqualTo("Only an idiot like the author would believe this.");
    Browser.screenshot(session.driver(), "status-rejected");

    session.driver().get(kind);
    assertThat(session.driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Approved");
  }

  @Test
  void moderatorSeesTheFlaggedGuidelineAndTheEvidenceMarked() {
    Article article = articles.publish(ArticleFixtures.english("Council approves bus lanes"));
    post(article, "Heckler", "you are such an id10t");
    logInAsModerator();

    session
        .driver()
        .get(base() + "/moderation?status=PENDING&order=RISK&article=" + article.slug());

    assertThat(session.driver().findElement(By.cssSelector(".card .screening")).getText())
        .contains("PERSONAL_ATTACK");
    assertThat(session.driver().findElement(By.cssSelector(".card .comment-text mark")).getText())
        .isEqualTo("id10t");
    Browser.screenshot(session.driver(), "moderation-evidence");
  }

  @Autowired org.diwan.comment.CommentDecisions decisions;
  @Autowired org.diwan.comment.CommentSubmission submission;

  @Test
  void moderatorTakesDownAPublishedCommentWithTheKeyboardOnly() {
    Article article = articles.publish(ArticleFixtures.english("Market prices rise"));
    var kept =
        submission.submit(
            org.diwan.comment.CommentFixtures.withText(
                article.slug(), "Bread costs twice as much."));
    var threat =
        submission.submit(
            org.diwan.comment.CommentFixtures.withText(
                article.slug(),
                "Sellers who raise prices will regret it, I know where they live."));
    decisions.approve(kept.id());
    decisions.approve(threat.id());
    logInAsModerator();

    session.driver().get(base() + "/moderation?status=APPROVED&article=" + article.slug());
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));
    assertThat(session.driver().findElement(By.cssSelector(".keys-hint")).getText())
        .contains("take down");
    // Newest first on the Approved tab: the threat is selected.
    keys("x", "4", "n");
    keys("Threatens the sellers.", Keys.ENTER);
    wait(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 1));
    assertThat(
            session.driver().findElement(By.cssSelector("[data-live]")).getAttribute("textContent"))
        .isEqualTo("Comment " + threat.id() + " removed.");
    Browser.screenshot(session.driver(), "moderation-take-down");

    session.driver().get(base() + article.path());
    assertThat(session.driver().findElement(By.cssSelector(".comment-list")).getText())
        .contains("Bread costs twice as much.")
        .doesNotContain("I know where they live");
    session.driver().get(base() + threat.statusPath());
    assertThat(session.driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Removed");
    assertThat(session.driver().findElement(By.cssSelector(".status-box")).getText())
        .contains("Threatens the sellers.");
    Browser.screenshot(session.driver(), "status-removed");
  }
}
