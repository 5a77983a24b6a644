package org.diwan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through chromedriver, both from the system (Debian's {@code chromium}
 * and {@code chromium-driver}; {@code .ci/run} installs them). {@code CHROME_BIN} and {@code
 * CHROMEDRIVER} point elsewhere.
 */
public final class Browser {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  public static WebDriver start() {
    Path chrome = Path.of(env("CHROME_BIN", "/usr/bin/chromium"));
    Path driver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chrome) || !Files.isExecutable(driver)) {
      throw new IllegalStateException(
          "Browser tests need Chromium and chromedriver ("
              + chrome
              + ", "
              + driver
              + "). Install them with: apt-get install chromium chromium-driver"
              + " (bash .ci/run does this), or set CHROME_BIN and CHROMEDRIVER.");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chrome.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en",
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}, whole page height. */
  public static Path screenshot(WebDriver browser, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Object height =
          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeScript("return document.documentElement.scrollHeight");
      Dimension size = browser.manage().window().getSize();
      int wanted = Math.min(6000, Math.max(size.getHeight(), ((Number) height).intValue()));
      browser.manage().window().setSize(new Dimension(size.getWidth(), wanted));
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.manage().window().setSize(size);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
