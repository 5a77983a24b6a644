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
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A reader's visit in real headless Chromium: read, enlarge the text, comment, see the status. */
@OnSqlite
class ReaderBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired Environment environment;

  private String base;

  @BeforeEach
  void setUp() {
    base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
  }

  private double bodyFontSize() {
    Object size =
        ((JavascriptExecutor) session.driver())
            .executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('.story-body')).fontSize)");
    return ((Number) size).doubleValue();
  }

  /** Fills in the article page's comment form, sends it and checks it lands on a pending status. */
  private void postFromThePage(String name, String email, String text) {
    session.driver().findElement(By.id("name")).sendKeys(name);
    session.driver().findElement(By.id("email")).sendKeys(email);
    session.driver().findElement(By.id("text")).sendKeys(text);
    session.driver().findElement(By.cssSelector(".comment-form button[type='submit']")).click();

    new WebDriverWait(session.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.urlMatches("/comments/[0-9a-f]{11}[A-Za-z0-9_-]{43}#status$"));
    assertThat(session.driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Awaiting moderation");
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

    session.driver().get(base + article.path());
    double before = bodyFontSize();
    session.driver().findElement(By.cssSelector("button[data-font='up']")).click();
    double after = bodyFontSize();
    assertThat(after).isGreaterThan(before);
    assertThat(session.driver().findElement(By.cssSelector(".comment-text")).getText())
        .isEqualTo("About time.");
    Browser.screenshot(session.driver(), "article");

    // The chosen size follows the reader to the next article.
    session.driver().get(base + other.path());
    assertThat(bodyFontSize()).isEqualTo(after);
    session.driver().get(base + article.path());

    postFromThePage("Shirin <Ahmed>", "shirin@example.org", "Good news for students.\nThank you.");
    assertThat(
            session.driver().findElement(By.cssSelector(".comment-quote .comment-text")).getText())
        .isEqualTo("Good news for students.\nThank you.");
    assertThat(session.driver().findElement(By.cssSelector(".comment-quote strong")).getText())
        .isEqualTo("Shirin <Ahmed>");
    Browser.screenshot(session.driver(), "status-pending");
  }

  @Test
  void anArticleKeptByTheBrowserIsRevalidatedAndItsFormStillPosts() {
    Article article = articles.publish(ArticleFixtures.english("Ferry timetable returns"));
    By token = By.cssSelector(".comment-form input[name='_csrf']");

    session.driver().get(base + article.path());
    String first = session.driver().findElement(token).getDomProperty("value");
    session.driver().get(base + "/");
    session.driver().get(base + article.path());

    // The same masked token: Chromium showed the copy it kept, after a 304 (the site masks the
    // token afresh in every page it sends).
    assertThat(session.driver().findElement(token).getDomProperty("value")).isEqualTo(first);
    postFromThePage("Darya", "darya@example.org", "Glad the morning ferry is back.");
  }

  @Test
  void rightToLeftArticleIsDrawnRightToLeft() {
    Article sorani = articles.publish(ArticleFixtures.sorani("کتێبخانەکان درەنگتر دادەخرێن"));

    session.driver().get(base + sorani.path());

    Object direction =
        ((JavascriptExecutor) session.driver())
            .executeScript(
                "return getComputedStyle(document.querySelector('.story-body')).direction");
    assertThat(direction).isEqualTo("rtl");
    Browser.screenshot(session.driver(), "article-rtl");
  }

  @Test
  void homePageLinksToArticles() {
    Article article = articles.publish(ArticleFixtures.english("Market hours extended"));

    session.driver().get(base + "/");
    session.driver().findElement(By.linkText("Market hours extended")).click();

    assertThat(session.driver().getCurrentUrl()).endsWith(article.path());
    session.driver().get(base + "/");
    Browser.screenshot(session.driver(), "home");
  }
}
