package org.diwan.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

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
}
