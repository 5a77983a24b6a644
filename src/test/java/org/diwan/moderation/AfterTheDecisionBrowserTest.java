package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.diwan.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 21 end to end in real Chromium, every step through the pages people use, with the e-mail
 * sender running on its own and a real SMTP server: a commenter on a phone posts and asks to be
 * e-mailed; moderator A publishes it; a reader reports it; A takes it down from the Reported queue;
 * the commenter gets the e-mail, follows its link and appeals; A may not decide the appeal,
 * moderator B reverses it; the commenter is e-mailed again and the comment is back on the page.
 */
@OnSqlite
class AfterTheDecisionBrowserTest {

  static final TestMail MAIL = new TestMail();

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DESK = new Dimension(1280, 900);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    MAIL.register(properties, Duration.ofMillis(200));
    // Decisions are made on requests, so the links take the address the moderator used.
    properties.add("diwan.base-url", () -> "");
  }

  @Autowired Articles articles;
  @Autowired StaffAccounts accounts;
  @LocalServerPort int port;

  private static WebDriver driver() {
    return session.driver();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static WebDriverWait waiting() {
    return session.waiting();
  }

  private static void as(Dimension size) {
    session.freshVisitor(size);
  }

  private void logIn(String email) {
    session.logIn(base(), email);
  }

  /** The next e-mail to reach the SMTP server, sent by the background sender on its own. */
  private static String nextMail(int count) throws Exception {
    assertThat(MAIL.server().waitForIncomingEmail(15_000, count))
        .as("e-mail number %d arrived", count)
        .isTrue();
    MimeMessage[] received = MAIL.server().getReceivedMessages();
    assertThat(received).hasSize(count);
    assertThat(received[count - 1].getAllRecipients()[0].toString())
        .isEqualTo("nasrin@example.org");
    return ((String) received[count - 1].getContent()).replace("\r\n", "\n");
  }

  private static String linkIn(String mail) {
    Matcher link = Pattern.compile("(http://\\S+/comments/\\S+)").matcher(mail);
    assertThat(link.find()).as("a status link in:%n%s", mail).isTrue();
    return link.group(1);
  }

  @Test
  void aReportedCommentIsTakenDownAppealedAndReinstatedByAnotherModerator() throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Bus fares rise by a third"));
    String text = "The transport minister promised cheaper fares and has done the opposite.";
    String a = StaffFixtures.member(accounts, Role.MODERATOR);
    String b = StaffFixtures.member(accounts, Role.MODERATOR);

    // 1. The commenter posts from a phone and asks to be e-mailed.
    as(PHONE);
    driver().get(base() + article.path() + "#post-comment");
    driver().findElement(By.id("name")).sendKeys("Nasrin");
    driver().findElement(By.id("email")).sendKeys("nasrin@example.org");
    driver().findElement(By.id("text")).sendKeys(text);
    driver().findElement(By.id("email-me")).click();
    driver().findElement(By.cssSelector(".comment-form button[type='submit']")).click();
    waiting().until(ExpectedConditions.urlContains("/comments/"));

    // 2. Moderator A publishes it from the queue.
    logIn(a);
    driver().get(base() + "/moderation?status=PENDING&article=" + article.slug());
    WebElement pending =
        waiting()
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));
    String id = pending.getAttribute("data-id");
    pending.findElement(By.cssSelector(".approve-button")).click();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 0));
    assertThat(nextMail(1)).contains("published");

    // 3. A reader on a phone reports it.
    as(PHONE);
    driver().get(base() + article.path());
    driver().findElement(By.cssSelector("#comment-" + id + " .comment-report a")).click();
    waiting().until(ExpectedConditions.urlContains("/report"));
    driver().findElement(By.cssSelector("input[name='code'][value='PERSONAL_ATTACK']")).click();
    driver().findElement(By.id("note")).sendKeys("This attacks the minister.");
    Browser.screenshot(driver(), "after-1-report-phone");
    driver().findElement(By.cssSelector(".report-form button[type='submit']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".status-box")));
    Browser.screenshot(driver(), "after-2-reported-phone");

    // 4. Moderator A takes it down from the Reported queue, with the buttons.
    logIn(a);
    driver().get(base() + "/moderation/reported");
    WebElement card =
        waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".card[data-id='" + id + "']")));
    assertThat(card.findElement(By.cssSelector(".card-reports .flag")).getAttribute("textContent"))
        .isEqualTo("1 report");
    assertThat(card.getText()).contains("PERSONAL_ATTACK 1").contains("This attacks the minister.");
    Browser.screenshot(driver(), "after-3-reported-queue");
    card.findElement(By.cssSelector(".comment-text")).click();
    card.findElement(By.cssSelector(".remove input[value='PERSONAL_ATTACK']")).click();
    card.findElement(By.cssSelector(".remove [data-note]")).sendKeys("Reported as an attack.");
    card.findElement(By.cssSelector(".reject-button")).click();
    waiting()
        .until(
            ExpectedConditions.attributeContains(
                By.cssSelector(".card[data-id='" + id + "']"), "class", "gone"));
    Browser.screenshot(driver(), "after-4-taken-down");

    as(PHONE);
    driver().get(base() + article.path());
    assertThat(driver().findElements(By.id("comment-" + id))).isEmpty();

    // 5. The commenter's e-mail about the take-down leads to the statement of reasons.
    String removal = nextMail(2);
    driver().get(linkIn(removal));
    String statement = driver().findElement(By.cssSelector(".status-box")).getText();
    assertThat(statement).contains("Reported as an attack.").doesNotContain(a);
    Browser.screenshot(driver(), "after-5-statement-phone");

    // 6. They appeal.
    driver()
        .findElement(By.id("appeal-text"))
        .sendKeys("Criticising a minister's record is not a personal attack.");
    driver().findElement(By.cssSelector(".appeal-form button[type='submit']")).click();
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".status-box.appeal")));
    Browser.screenshot(driver(), "after-6-appealed-phone");

    // 7. A made the decision, so A is given no button to decide the appeal; B reverses it.
    logIn(a);
    driver().get(base() + "/moderation/appeals");
    assertThat(appealCard(text).findElements(By.cssSelector("[data-reverse]"))).isEmpty();
    logIn(b);
    driver().get(base() + "/moderation/appeals");
    Browser.screenshot(driver(), "after-7-appeals-queue");
    appealCard(text).findElement(By.cssSelector("[data-reverse]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    Browser.screenshot(driver(), "after-8-reversed");

    // 8. The commenter hears of it, and the comment is back on the page.
    String reversal = nextMail(3);
    as(PHONE);
    driver().get(linkIn(reversal));
    assertThat(driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Approved");
    assertThat(driver().findElement(By.cssSelector(".status-box.appeal")).getText())
        .contains("reversed the decision");
    driver().get(base() + article.path());
    assertThat(driver().findElement(By.id("comment-" + id)).getText()).contains(text);
    Browser.screenshot(driver(), "after-9-back-on-the-page-phone");
  }

  private static WebElement appealCard(String text) {
    return driver().findElements(By.cssSelector(".appeal-card")).stream()
        .filter(card -> card.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No appeal card shows " + text));
  }
}
