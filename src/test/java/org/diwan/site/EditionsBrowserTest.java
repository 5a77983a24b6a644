package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.guideline.GuidelineCode;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Every edition read in headless Chromium at phone and desktop width: the front page, an article
 * with a comment, the form with its errors, and the pending and rejected status pages. Each page
 * must be in its edition's language and direction with no English interface word on it, and nothing
 * may stick out sideways. Screenshots land in {@code target/screenshots/edition-*}.
 */
@OnSqlite
class EditionsBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  /** A headline, a first paragraph, a comment and a tag per edition, written for this test. */
  private static final Map<String, String[]> SAMPLES =
      Map.of(
          "en",
          new String[] {
            "Ferry service resumes on the lake",
            "Boats sail again from Monday.",
            "Good news.",
            "Transport"
          },
          "ckb",
          new String[] {
            "هێڵی بەلەم لە دەریاچەکە دەستی پێکردەوە",
            "بەلەمەکان لە دووشەممەوە دەگەڕێنەوە.",
            "هەواڵێکی خۆشە.",
            "گواستنەوە"
          },
          "kmr",
          new String[] {
            "Keştiyên golê dîsa dest bi xebatê dikin",
            "Keştî ji Duşemê ve dîsa diçin û tên.",
            "Nûçeyeke xweş e.",
            "Veguhastin"
          },
          "ar",
          new String[] {
            "استئناف رحلات العبّارة في البحيرة",
            "تعود القوارب إلى الإبحار اعتباراً من الاثنين.",
            "خبر سار.",
            "النقل"
          },
          "fa",
          new String[] {
            "سرویس قایق در دریاچه از سر گرفته شد",
            "قایق‌ها از دوشنبه دوباره حرکت می‌کنند.",
            "خبر خوبی است.",
            "حمل‌ونقل"
          },
          "tr",
          new String[] {
            "Göldeki feribot seferleri yeniden başladı",
            "Tekneler pazartesiden itibaren yeniden sefere çıkıyor.",
            "Güzel bir haber.",
            "Ulaşım"
          });

  /** The two widths every page is read at. */
  private static final Map<String, Dimension> WIDTHS =
      Map.of("phone", new Dimension(390, 844), "desktop", new Dimension(1280, 900));

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired Environment environment;

  private String base;

  @BeforeEach
  void setUp() {
    base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
  }

  @Test
  void everyEditionReadsWhollyInItsLanguageAtPhoneAndDesktopWidth() {
    WebDriver browser = session.driver();
    List<String> problems = new ArrayList<>();
    for (Texts t : Texts.editions()) {
      String[] sample = SAMPLES.get(t.lang());
      Article article =
          articles.publish(ArticleFixtures.inLanguage(t.lang(), sample[0], sample[1], sample[3]));
      SubmittedComment approved =
          submission.submit(
              new SubmitComment(article.slug(), "Rêzan Ali", "rezan@example.org", sample[2]));
      decisions.approve(approved.id());
      SubmittedComment rejected =
          submission.submit(
              new SubmitComment(article.slug(), "Hama", "hama@example.org", sample[2] + " 2"));
      decisions.reject(rejected.id(), Set.of(GuidelineCode.OFF_TOPIC), null);

      for (var width : List.of("phone", "desktop")) {
        browser.manage().window().setSize(WIDTHS.get(width));
        String shot = "edition-" + t.lang() + "-" + width + "-";

        browser.get(base + t.home());
        check(browser, t, shot + "front", problems);

        browser.get(base + article.path());
        assertThat(browser.findElement(By.cssSelector(".comment-text")).getText())
            .isEqualTo(sample[2]);
        check(browser, t, shot + "article", problems);

        browser.findElement(By.id("name")).sendKeys("Rêzan");
        browser.findElement(By.id("email")).sendKeys("not-an-address");
        browser.findElement(By.id("text")).sendKeys(sample[2]);
        ((JavascriptExecutor) browser)
            .executeScript("document.getElementById('email').type = 'text'");
        browser.findElement(By.cssSelector(".comment-form button[type='submit']")).click();
        assertThat(await(browser, By.id("email-error")).getText())
            .isEqualTo(t.get("form.error.email.invalid"));
        check(browser, t, shot + "form-errors", problems);

        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys("rezan@example.org");
        browser.findElement(By.id("text")).sendKeys(" " + width);
        browser.findElement(By.cssSelector(".comment-form button[type='submit']")).click();
        assertThat(await(browser, By.cssSelector(".status-box h2")).getText())
            .isEqualTo(t.get("status.pending.title"));
        check(browser, t, shot + "pending", problems);

        browser.get(base + rejected.statusPath());
        assertThat(browser.findElement(By.cssSelector(".status-box h2")).getText())
            .isEqualTo(t.get("status.rejected.title"));
        check(browser, t, shot + "rejected", problems);
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The element, once the page a form was sent to has loaded it. */
  private static WebElement await(WebDriver browser, By element) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(element));
  }

  /**
   * The page's language and direction are the edition's, the headline carries its own, no English
   * interface sentence is shown on a non-English page, and nothing is wider than the window.
   */
  private static void check(WebDriver browser, Texts t, String name, List<String> problems) {
    Browser.screenshot(browser, name);
    JavascriptExecutor js = (JavascriptExecutor) browser;
    String lang = (String) js.executeScript("return document.documentElement.lang");
    String dir = (String) js.executeScript("return document.documentElement.dir");
    if (!t.lang().equals(lang) || !t.dir().equals(dir)) {
      problems.add(name + ": html lang=" + lang + " dir=" + dir);
    }
    Number overflow =
        (Number)
            js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    if (overflow.intValue() > 0) {
      problems.add(name + ": " + overflow + " px wider than the window");
    }
    if (!t.lang().equals("en")) {
      String shown = (String) js.executeScript("return document.body.innerText");
      for (String key : Texts.of("en").keys()) {
        String english = Texts.of("en").get(key, 1, 1);
        boolean words = english.split("\\s+").length >= 2 && !english.contains("{");
        if (words && !english.equals(t.get(key, 1, 1)) && shown.contains(english)) {
          problems.add(name + ": English \"" + english + "\"");
        }
      }
    }
  }
}
