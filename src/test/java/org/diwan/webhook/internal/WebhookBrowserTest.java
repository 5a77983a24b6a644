package org.diwan.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.HandClock;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In real Chromium: an admin registers an endpoint, copies the secret shown once, sees the delivery
 * in the endpoint's log and sends it again from there; the receiver checks both.
 */
@OnSqlite
@Import(HandClock.Config.class)
class WebhookBrowserTest {

  static final TestReceiver RECEIVER = new TestReceiver();

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @DynamicPropertySource
  static void webhooks(DynamicPropertyRegistry properties) {
    WebhookContract.register(properties);
  }

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired StaffAccounts accounts;
  @Autowired WebhookSender sender;
  @Autowired HandClock clock;
  @LocalServerPort int port;

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static WebDriverWait waiting() {
    return session.waiting();
  }

  private static org.openqa.selenium.WebElement present(String css) {
    return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  @Test
  void adminRegistersAnEndpointSeesTheSecretOnceAndRedeliversFromTheLog() {
    WebDriver driver = session.driver();
    driver.get(base() + "/login");
    driver.findElement(By.id("username")).sendKeys(StaffFixtures.member(accounts, Role.ADMIN));
    driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/staff"));

    driver.get(base() + "/admin/webhooks");
    driver.findElement(By.id("url")).sendKeys("gopher://wrong");
    driver.findElement(By.cssSelector("button.primary")).click();
    // Each press loads a new page: read it once it has come.
    assertThat(present(".form-errors").getText()).contains("https://");

    assertThat(driver.findElement(By.id("url")).getDomProperty("value"))
        .isEqualTo("gopher://wrong");
    driver.findElement(By.id("url")).clear();
    driver.findElement(By.id("url")).sendKeys(RECEIVER.url("/ok/browser"));
    driver.findElement(By.id("description")).sendKeys("Newsroom chat");
    driver.findElement(By.cssSelector("input[name=events][value=SUBMITTED]")).click();
    driver.findElement(By.cssSelector("button.primary")).click();
    String secret = present("#webhook-secret code").getText();
    assertThat(secret).startsWith("whsec_");
    Browser.screenshot(driver, "webhooks-secret-once");
    RECEIVER.expect("/ok/browser", secret, clock);

    driver.navigate().refresh();
    assertThat(driver.findElements(By.id("webhook-secret"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(secret);

    Article article = articles.publish(ArticleFixtures.english("Hooks in the newsroom"));
    submission.submit(CommentFixtures.valid(article.slug()));
    assertThat(sender.sendDue().delivered()).isEqualTo(1);

    driver.findElement(By.linkText("Delivery log")).click();
    waiting().until(ExpectedConditions.urlMatches("/admin/webhooks/\\d+$"));
    String row = driver.findElement(By.cssSelector("table.grid tbody tr")).getText();
    assertThat(row).contains("comment.submitted", "delivered", "200");
    driver.findElement(By.xpath("//button[text()='Redeliver']")).click();
    assertThat(present(".notice").getText()).contains("sent again");
    assertThat(driver.findElement(By.cssSelector("table.grid tbody tr")).getText())
        .contains("pending");
    Browser.screenshot(driver, "webhooks-log-redeliver");

    assertThat(sender.sendDue().delivered()).isEqualTo(1);
    assertThat(RECEIVER.at("/ok/browser"))
        .hasSize(2)
        .allMatch(TestReceiver.Received::verified)
        .extracting(TestReceiver.Received::id)
        .doesNotContainNull()
        .hasSize(2);
    driver.navigate().refresh();
    assertThat(driver.findElement(By.cssSelector("table.grid tbody tr")).getText())
        .contains("delivered");
  }

  @Test
  void badFormsAndAddressesGetAReadableAnswerNeverA5xx() {
    WebClient admin =
        new WebClient(port)
            .logIn(StaffFixtures.member(accounts, Role.ADMIN), StaffFixtures.PASSWORD);
    String token = admin.csrfToken("/admin/webhooks");
    Map<String, String> posts =
        Map.of(
            "/admin/webhooks", "url=https%3A%2F%2Fhooks.example.org%2F&events=NO_SUCH_EVENT",
            "/admin/webhooks/abc/enabled", "enabled=true",
            "/admin/webhooks/999999/secret", "x=",
            "/admin/webhooks/999999/delete", "x=",
            "/admin/webhooks/999999/deliveries/abc/redeliver", "x=");
    posts.forEach(
        (path, body) -> {
          int status =
              admin
                  .post(path, "application/x-www-form-urlencoded", body + "&_csrf=" + token)
                  .statusCode();
          assertThat(status).as(path).isBetween(300, 499);
        });
    HttpResponse<String> missing = admin.get("/admin/webhooks/999999");
    assertThat(missing.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin/webhooks").body()).contains("There is no such endpoint.");
    HttpResponse<String> refused =
        admin.post(
            "/admin/webhooks",
            "application/x-www-form-urlencoded",
            "url=http%3A%2F%2F169.254.169.254%2Flatest&events=DECIDED&_csrf=" + token);
    assertThat(refused.statusCode()).isEqualTo(302);
  }
}
