package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.guideline.GuidelineCode;
import org.diwan.guideline.Guidelines;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * In real Chromium: moderator A rejects a reader's comment; the reader, on a phone, reads the
 * statement of reasons on the status page and appeals; A is shown they cannot decide it; moderator
 * B reverses it; the comment is on the article page and the status page says how the appeal went.
 */
@OnSqlite
class AppealBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DESK = new Dimension(1280, 900);

  @Autowired Articles articles;
  @Autowired StaffAccounts accounts;
  @Autowired Guidelines guidelines;
  @Autowired Environment environment;

  private static WebDriver driver() {
    return session.driver();
  }

  private String base() {
    return "http://localhost:" + environment.getRequiredProperty("local.server.port");
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

  private static WebElement cardWith(String text) {
    return driver().findElements(By.cssSelector(".appeal-card")).stream()
        .filter(card -> card.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No appeal card shows " + text));
  }

  @Test
  void aRejectedCommentIsAppealedAndAnotherModeratorReversesIt() {
    Article article = articles.publish(ArticleFixtures.english("Library hours to be extended"));
    String text = "Longer library hours would help students who work in the day.";
    String a = StaffFixtures.member(accounts, Role.MODERATOR);
    String b = StaffFixtures.member(accounts, Role.MODERATOR);

    // The reader posts from a phone.
    as(PHONE);
    driver().get(base() + article.path());
    driver().findElement(By.id("name")).sendKeys("Shirin");
    driver().findElement(By.id("email")).sendKeys("shirin@example.org");
    driver().findElement(By.id("text")).sendKeys(text);
    driver().findElement(By.cssSelector(".comment-form button[type='submit']")).click();
    waiting().until(ExpectedConditions.urlContains("/comments/"));
    String status = driver().getCurrentUrl();

    // Moderator A rejects it as off topic, with a note, from the keyboard.
    logIn(a);
    driver().get(base() + "/moderation?status=PENDING&article=" + article.slug());
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));
    new Actions(driver()).sendKeys("r", "1", "n").perform();
    new Actions(driver()).sendKeys("Please keep to the article.", Keys.ENTER).perform();
    waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 0));
    Browser.screenshot(driver(), "appeal-0-rejected-by-a");

    // The reader reads the statement of reasons and appeals.
    as(PHONE);
    driver().get(status);
    String statement = driver().findElement(By.cssSelector(".status-box")).getText();
    assertThat(statement)
        .contains("A moderator decided on")
        .contains(guidelines.describe(GuidelineCode.OFF_TOPIC, Locale.ENGLISH).title())
        .contains("OFF_TOPIC")
        .contains("Please keep to the article.")
        .doesNotContain(a);
    assertThat(driver().findElement(By.id("appeal")).getText()).contains("appeal against it once");
    Browser.screenshot(driver(), "appeal-1-statement-phone");
    driver()
        .findElement(By.id("appeal-text"))
        .sendKeys("The article is about library hours, and so is my comment.");
    driver().findElement(By.cssSelector(".appeal-form button[type='submit']")).click();
    waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".status-box.appeal")));
    assertThat(driver().findElement(By.cssSelector(".status-box.appeal")).getText())
        .contains("You appealed against the decision on")
        .contains("will review it");
    assertThat(driver().findElements(By.cssSelector(".appeal-form"))).isEmpty();
    Browser.screenshot(driver(), "appeal-2-filed-phone");

    // Moderator A is told they cannot decide it, and is given no button to.
    logIn(a);
    driver().get(base() + "/moderation/appeals");
    WebElement own = cardWith(text);
    assertThat(own.getText()).contains("another moderator must decide the appeal");
    assertThat(own.findElements(By.cssSelector("[data-reverse], [data-uphold]"))).isEmpty();
    Browser.screenshot(driver(), "appeal-3-refused-to-a");

    // Moderator B reverses it.
    logIn(b);
    driver().get(base() + "/moderation/appeals");
    WebElement card = cardWith(text);
    assertThat(card.getText()).contains("rejected by " + a).contains("library hours, and so is");
    card.findElement(By.cssSelector("[data-reverse]")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    assertThat(driver().findElement(By.cssSelector(".notice")).getText()).contains("reversed");
    Browser.screenshot(driver(), "appeal-4-reversed-by-b");

    // The comment is on the article page, and the status page says how the appeal went.
    as(PHONE);
    driver().get(base() + article.path());
    assertThat(driver().findElement(By.cssSelector(".comment-list")).getText()).contains(text);
    Browser.screenshot(driver(), "appeal-5-article-phone");
    driver().get(status);
    assertThat(driver().findElement(By.cssSelector(".status-box.appeal")).getText())
        .contains("reversed the decision")
        .doesNotContain(b);
    assertThat(driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Approved");
    Browser.screenshot(driver(), "appeal-6-outcome-phone");
  }
}
