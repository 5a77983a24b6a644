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
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
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

  private static WebDriver browser;

  @Autowired Articles articles;
  @Autowired StaffAccounts accounts;
  @Autowired Environment environment;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String base() {
    return "http://localhost:" + environment.getRequiredProperty("local.server.port");
  }

  private String post(Article article, String name, String text) {
    browser.get(base() + article.path());
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("email")).sendKeys(name.toLowerCase() + "@example.org");
    browser.findElement(By.id("text")).sendKeys(text);
    browser.findElement(By.cssSelector(".comment-form button[type='submit']")).click();
    wait(10).until(ExpectedConditions.urlContains("/comments/"));
    return browser.getCurrentUrl();
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private static void keys(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  @Test
  void moderatorDecidesWithTheKeyboardOnly() {
    Article article = articles.publish(ArticleFixtures.english("Stadium plans go on show"));
    String kind = post(article, "Rezan", "The plans look good, but where will people park?");
    String rude = post(article, "Troll", "Only an idiot like the author would believe this.");
    String moderator = StaffFixtures.member(accounts, Role.MODERATOR);

    browser.get(base() + "/login");
    browser.findElement(By.id("username")).sendKeys(moderator);
    browser.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    wait(10).until(ExpectedConditions.urlContains("/staff"));
    browser.get(base() + "/moderation?status=PENDING&article=" + article.slug());
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));
    Browser.screenshot(browser, "moderation-queue");

    keys("a");
    wait(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 1));
    keys("r", "5", "n");
    keys("Name-calling is not an argument.", Keys.ENTER);
    wait(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 0));
    Browser.screenshot(browser, "moderation-queue-done");

    browser.get(base() + article.path());
    assertThat(browser.findElement(By.cssSelector(".comment-list")).getText())
        .contains("where will people park?")
        .doesNotContain("idiot");

    browser.get(rude);
    assertThat(browser.findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Not published");
    assertThat(browser.findElement(By.cssSelector(".status-box")).getText())
        .contains("Argue with ideas, not people")
        .contains("Name-calling is not an argument.");
    assertThat(browser.findElement(By.cssSelector(".comment-quote .comment-text")).getText())
        .isEqualTo("Only an idiot like the author would believe this.");
    Browser.screenshot(browser, "status-rejected");

    browser.get(kind);
    assertThat(browser.findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Approved");
  }

  @Test
  void moderatorSeesTheFlaggedGuidelineAndTheEvidenceMarked() {
    Article article = articles.publish(ArticleFixtures.english("Council approves bus lanes"));
    post(article, "Heckler", "you are such an id10t");
    browser.get(base() + "/login");
    browser.findElement(By.id("username")).sendKeys(StaffFixtures.member(accounts, Role.MODERATOR));
    browser.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    wait(10).until(ExpectedConditions.urlContains("/staff"));

    browser.get(base() + "/moderation?status=PENDING&order=RISK&article=" + article.slug());

    assertThat(browser.findElement(By.cssSelector(".card .screening")).getText())
        .contains("PERSONAL_ATTACK");
    assertThat(browser.findElement(By.cssSelector(".card .comment-text mark")).getText())
        .isEqualTo("id10t");
    Browser.screenshot(browser, "moderation-evidence");
  }
}
