package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.support.Browser;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A reader's visit in real headless Chromium: read, enlarge the text, comment, see the status. */
@OnSqlite
class ReaderBrowserTest {

  private static WebDriver browser;

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired Environment environment;

  private String base;

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

  @BeforeEach
  void setUp() {
    base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
  }

  private double bodyFontSize() {
    Object size =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('.story-body')).fontSize)");
    return ((Number) size).doubleValue();
  }

  @Test
  void readerEnlargesTextPostsACommentAndLandsOnItsStatusPage() {
    Article article = articles.publish(ArticleFixtures.english("Libraries will open until nine"));
    Article other = articles.publish(ArticleFixtures.english("Bus routes change next week"));
    long earlier =
        submission
            .submit(
                new SubmitComment(article.slug(), "Karwan", "karwan@example.org", "About time."))
            .id();
    decisions.approve(earlier);

    browser.get(base + article.path());
    double before = bodyFontSize();
    browser.findElement(By.cssSelector("button[data-font='up']")).click();
    double after = bodyFontSize();
    assertThat(after).isGreaterThan(before);
    assertThat(browser.findElement(By.cssSelector(".comment-text")).getText())
        .isEqualTo("About time.");
    Browser.screenshot(browser, "article");

    // The chosen size follows the reader to the next article.
    browser.get(base + other.path());
    assertThat(bodyFontSize()).isEqualTo(after);
    browser.get(base + article.path());

    browser.findElement(By.id("name")).sendKeys("Shirin <Ahmed>");
    browser.findElement(By.id("email")).sendKeys("shirin@example.org");
    browser.findElement(By.id("text")).sendKeys("Good news for students.\nThank you.");
    browser.findElement(By.cssSelector(".comment-form button[type='submit']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches("/comments/[A-Za-z0-9_-]{43}#status$"));
    assertThat(browser.findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Awaiting moderation");
    assertThat(browser.findElement(By.cssSelector(".comment-quote .comment-text")).getText())
        .isEqualTo("Good news for students.\nThank you.");
    assertThat(browser.findElement(By.cssSelector(".comment-quote strong")).getText())
        .isEqualTo("Shirin <Ahmed>");
    Browser.screenshot(browser, "status-pending");
  }

  @Test
  void rightToLeftArticleIsDrawnRightToLeft() {
    Article sorani = articles.publish(ArticleFixtures.sorani("کتێبخانەکان درەنگتر دادەخرێن"));

    browser.get(base + sorani.path());

    Object direction =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return getComputedStyle(document.querySelector('.story-body')).direction");
    assertThat(direction).isEqualTo("rtl");
    Browser.screenshot(browser, "article-rtl");
  }

  @Test
  void homePageLinksToArticles() {
    Article article = articles.publish(ArticleFixtures.english("Market hours extended"));

    browser.get(base + "/");
    browser.findElement(By.linkText("Market hours extended")).click();

    assertThat(browser.getCurrentUrl()).endsWith(article.path());
    browser.get(base + "/");
    Browser.screenshot(browser, "home");
  }
}
