package org.diwan.support;

import java.time.Duration;
import org.diwan.staff.StaffFixtures;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium per test class: {@code @RegisterExtension static BrowserSession}. */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

  private WebDriver driver;

  @Override
  public void beforeAll(ExtensionContext context) {
    driver = Browser.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to ten seconds, long enough for a page on a busy machine. */
  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /** Becomes a fresh visitor with a window of {@code size}: no session, no cookies. */
  public void freshVisitor(Dimension size) {
    driver.manage().deleteAllCookies();
    driver.manage().window().setSize(size);
  }

  /** Signs in at {@code base} as the staff member {@code email} at a desk, in a fresh session. */
  public void logIn(String base, String email) {
    freshVisitor(new Dimension(1280, 900));
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD + Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/staff"));
  }

  /**
   * Posts a comment as a reader through the form on the page at {@code base + path}; returns the
   * address of the private status page the site then shows.
   */
  public String postComment(String base, String path, String name, String text) {
    driver.get(base + path);
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("email")).sendKeys(name.toLowerCase() + "@example.org");
    driver.findElement(By.id("text")).sendKeys(text);
    driver.findElement(By.cssSelector(".comment-form button[type='submit']")).click();
    waiting().until(ExpectedConditions.urlContains("/comments/"));
    return driver.getCurrentUrl();
  }
}
