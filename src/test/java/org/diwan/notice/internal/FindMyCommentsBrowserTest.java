package org.diwan.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.site.Texts;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In real Chromium at a phone's width: a commenter who lost the link follows "find my comments"
 * from the comment form, asks with their address, and the link in the e-mail that arrives in the
 * test's SMTP server opens their comment's status page.
 */
@OnSqlite
class FindMyCommentsBrowserTest {

  static final TestMail MAIL = new TestMail();

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    MAIL.register(properties);
    properties.add("diwan.base-url", () -> "");
  }

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired NoticeSender sender;
  @LocalServerPort int port;

  @Test
  void aCommenterAsksForTheirLinksAndTheEmailedLinkOpensTheStatusPage() throws Exception {
    var driver = session.driver();
    driver.manage().window().setSize(new Dimension(390, 844));
    Article article = articles.publish(ArticleFixtures.english("Night buses return"));
    submission.submit(
        new SubmitComment(
            article.slug(), "Dara", "dara.find@example.org", "The last bus at one is a relief."));

    driver.get("http://localhost:" + port + article.path() + "#post-comment");
    var findLink = driver.findElement(By.cssSelector(".comment-form .find-link a"));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", findLink);
    Browser.screenshot(driver, "find-link-on-form-phone");
    findLink.click();
    var waiting = new WebDriverWait(driver, Duration.ofSeconds(10));
    waiting.until(ExpectedConditions.urlContains("/en/my-comments"));
    driver.findElement(By.id("find-email")).sendKeys("dara.find@example.org");
    Browser.screenshot(driver, "find-form-phone");
    driver.findElement(By.cssSelector("#find button[type='submit']")).click();
    waiting.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#find [role=status]")));
    assertThat(driver.findElement(By.cssSelector("#find [role=status]")).getText())
        .isEqualTo(Texts.of("en").get("find.sent"));
    Browser.screenshot(driver, "find-asked-phone");

    assertThat(sender.sendDue()).isEqualTo(1);
    String body =
        ((String) MAIL.server().getReceivedMessages()[0].getContent()).replace("\r\n", "\n");
    Matcher link = Pattern.compile("(http://\\S+/comments/\\S+)").matcher(body);
    assertThat(link.find()).isTrue();

    driver.get(link.group(1));
    assertThat(driver.findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Awaiting moderation");
    assertThat(driver.findElement(By.cssSelector(".comment-text")).getText())
        .isEqualTo("The last bus at one is a relief.");
    assertThat(driver.findElement(By.cssSelector(".status-box.pending")).getText())
        .contains(Texts.of("en").get("status.pending.keepOrFind"));
    Browser.screenshot(driver, "find-link-status-phone");
  }
}
