package org.diwan.notice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.site.Texts;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.diwan.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In real Chromium at a phone's width: a reader ticks "e-mail me", posts; a moderator approves with
 * the keyboard; the e-mail arrives in the test's SMTP server and its link opens the status page;
 * the moderator sees it counted as sent. And a commenter who lost the link follows "find my
 * comments" from the comment form, asks with their address, and the e-mailed link opens their
 * comment's status page.
 */
@OnSqlite
class MailBrowserTest {

  static final TestMail MAIL = new TestMail();

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    MAIL.register(properties);
    properties.add("diwan.base-url", () -> "");
  }

  @Autowired Articles articles;
  @Autowired StaffAccounts accounts;
  @Autowired NoticeSender sender;
  @Autowired NoticeRepository notices;
  @Autowired CommentSubmission submission;
  @LocalServerPort int port;

  @BeforeEach
  void emptyMailbox() throws Exception {
    MAIL.server().purgeEmailFromAllMailboxes();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(session.driver(), Duration.ofSeconds(10));
  }

  @Test
  void readerAsksForAnEmailAndItsLinkOpensTheDecidedStatusPage() throws Exception {
    var driver = session.driver();
    driver.manage().window().setSize(new Dimension(390, 844));
    Article article = articles.publish(ArticleFixtures.english("Library opens on Sundays"));
    long sentBefore = notices.counts().sent();

    driver.get(base() + article.path() + "#post-comment");
    driver.findElement(By.id("name")).sendKeys("Hana");
    driver.findElement(By.id("email")).sendKeys("hana@example.org");
    driver.findElement(By.id("text")).sendKeys("At last, a place to study at the weekend.");
    driver.findElement(By.id("email-me")).click();
    Browser.screenshot(driver, "mail-form-phone");
    driver.findElement(By.cssSelector(".comment-form button[type='submit']")).click();
    waiting().until(ExpectedConditions.urlContains("/comments/"));

    driver.get(base() + "/login");
    driver.findElement(By.id("username")).sendKeys(StaffFixtures.member(accounts, Role.MODERATOR));
    driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/staff"));
    driver.get(base() + "/moderation?status=PENDING&article=" + article.slug());
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));
    new Actions(driver).sendKeys("a").perform();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 0));

    assertThat(sender.sendDue()).isEqualTo(1);
    MimeMessage[] received = MAIL.server().getReceivedMessages();
    assertThat(received).hasSize(1);
    String body = ((String) received[0].getContent()).replace("\r\n", "\n");
    Matcher link = Pattern.compile("(http://\\S+/comments/\\S+)").matcher(body);
    assertThat(link.find()).isTrue();

    driver.get(link.group(1));
    assertThat(driver.findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Approved");
    Browser.screenshot(driver, "mail-link-status-phone");

    driver.get(base() + "/moderation/notices");
    assertThat(driver.findElement(By.id("notices-sent")).getText())
        .isEqualTo(String.valueOf(sentBefore + 1));
    Browser.screenshot(driver, "mail-outbox");
  }

  @Test
  void aCommenterAsksForTheirLinksAndTheEmailedLinkOpensTheStatusPage() throws Exception {
    var driver = session.driver();
    driver.manage().window().setSize(new Dimension(390, 844));
    Article article = articles.publish(ArticleFixtures.english("Night buses return"));
    submission.submit(
        new SubmitComment(
            article.slug(), "Dara", "dara.find@example.org", "The last bus at one is a relief."));

    driver.get(base() + article.path() + "#post-comment");
    var findLink = driver.findElement(By.cssSelector(".comment-form .find-link a"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", findLink);
    Browser.screenshot(driver, "find-link-on-form-phone");
    findLink.click();
    waiting().until(ExpectedConditions.urlContains("/en/my-comments"));
    driver.findElement(By.id("find-email")).sendKeys("dara.find@example.org");
    Browser.screenshot(driver, "find-form-phone");
    driver.findElement(By.cssSelector("#find button[type='submit']")).click();
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#find [role=status]")));
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
