package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.NewArticle;
import org.diwan.article.Section;
import org.diwan.article.Sections;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A reader on a phone in real Chromium, as issue 20 tells it: start on an edition's front page,
 * open a section from the menu, page back to its first story, search for a word in Sorani and in
 * Arabic (with and without vowel marks) from the search box, and find the share links. Screenshots
 * of each step land in {@code target/screenshots/reading-*}.
 */
@OnSqlite
class ReadingBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @Autowired Articles articles;
  @Autowired Sections sections;
  @Autowired Environment environment;

  private String base;

  @BeforeEach
  void setUp() {
    base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
    session.driver().manage().window().setSize(new Dimension(390, 844));
  }

  private Article publish(
      String language, String headline, String body, String section, Instant at) {
    return articles.publish(
        new NewArticle(
            "test-" + UUID.randomUUID(),
            headline,
            "Diwan",
            "",
            body,
            language,
            List.of(),
            List.of(),
            at,
            true,
            true,
            section));
  }

  private WebDriver browser() {
    return session.driver();
  }

  private void search(String words) {
    JavascriptExecutor js = (JavascriptExecutor) browser();
    // Enter does not wait for the results page as a click on a link does: the old page is marked,
    // and the results are read once a page without the mark has loaded.
    js.executeScript("window.diwanSearchedFrom = true");
    WebElement box = browser().findElement(By.cssSelector(".search-box input[name=q]"));
    box.clear();
    box.sendKeys(words, Keys.ENTER);
    new WebDriverWait(browser(), Duration.ofSeconds(10))
        .until(
            driver ->
                (Boolean)
                    js.executeScript(
                        "return !window.diwanSearchedFrom && document.readyState === 'complete'"));
  }

  private void noOverflow(String step) {
    Number overflow =
        (Number)
            ((JavascriptExecutor) browser())
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(overflow.intValue()).as(step + " wider than the phone").isLessThanOrEqualTo(0);
    Browser.screenshot(browser(), "reading-" + step);
  }

  @Test
  void aSoraniReaderBrowsesASectionPagesBackAndSearches() {
    String nonce = UUID.randomUUID().toString().substring(0, 6);
    Section section = sections.create("ckb", "ئابووری " + nonce, "eco-" + nonce, "editor");
    Instant first = Instant.parse("2019-03-01T09:00:00Z");
    Article oldest = publish("ckb", "یەکەم هەواڵی بەش " + nonce, "دەق.", section.slug(), first);
    for (int i = 1; i < 25; i++) {
      publish(
          "ckb",
          "هەواڵی " + i + " " + nonce,
          "دەق.",
          section.slug(),
          first.plus(Duration.ofDays(i)));
    }
    Article bazaar =
        publish(
            "ckb",
            "بازاڕی کۆنی هەولێر دەکرێتەوە " + nonce,
            "دوکاندارانی بازاڕەکە دوای دوو ساڵ گەڕانەوە.",
            section.slug(),
            first.plus(Duration.ofDays(30)));

    browser().get(base + "/ckb/");
    noOverflow("front-ckb");
    browser()
        .findElement(By.cssSelector(".sections-menu"))
        .findElement(By.partialLinkText(nonce))
        .click();
    assertThat(browser().getCurrentUrl()).endsWith(section.path());
    assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo(section.name());
    noOverflow("section");

    // Older stories, to the first one ever filed.
    browser().findElement(By.cssSelector(".pager a[rel=next]")).click();
    assertThat(browser().getCurrentUrl()).endsWith("?page=2");
    assertThat(browser().findElements(By.cssSelector(".pager a[rel=next]"))).isEmpty();
    assertThat(browser().findElement(By.tagName("main")).getText()).contains(oldest.headline());
    noOverflow("section-last-page");

    // Typed the way an Arabic keyboard writes Sorani: plain yeh and reh.
    search("بازار " + nonce);
    assertThat(browser().getCurrentUrl()).contains("/ckb/search?q=");
    WebElement hit = browser().findElement(By.cssSelector(".search-results li"));
    assertThat(hit.getText()).contains(bazaar.headline());
    assertThat(hit.findElements(By.tagName("mark"))).isNotEmpty();
    noOverflow("search-ckb");

    hit.findElement(By.tagName("a")).click();
    assertThat(browser().getCurrentUrl()).endsWith(bazaar.path());
    WebElement share = browser().findElement(By.cssSelector("nav.share"));
    assertThat(share.getAttribute("dir")).isEqualTo("rtl");
    assertThat(share.findElements(By.cssSelector("a[href^='mailto:']"))).hasSize(1);
    assertThat(share.findElements(By.cssSelector("a[href^='https://wa.me/']"))).hasSize(1);
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser())
                    .executeScript(
                        "return [...document.scripts].every(s => !s.src || s.src.startsWith(location.origin))"))
        .isTrue();
    noOverflow("article-share");
  }

  @Test
  void anArabicReaderFindsAStoryWithAndWithoutVowelMarks() {
    String nonce = UUID.randomUUID().toString().substring(0, 6);
    Article library =
        publish(
            "ar",
            "افتتاح المَكْتَبَةِ المركزية في الموصل " + nonce,
            "استقبلت المكتبة أول زوارها صباح الأحد.",
            null,
            null);

    browser().get(base + "/ar/");
    for (String words : List.of("مكتبة " + nonce, "المَكْتَبَة " + nonce, "مكتبه " + nonce)) {
      search(words);
      assertThat(browser().findElement(By.cssSelector(".search-results")).getText())
          .as(words)
          .contains(library.headline());
    }
    assertThat(browser().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    noOverflow("search-ar");

    search("\" * - ( ) :");
    assertThat(browser().findElement(By.cssSelector("main p.empty")).getText())
        .isEqualTo(Texts.of("ar").get("search.noWords"));
    noOverflow("search-ar-nothing");
  }
}
