package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The "done when", in real Chromium with the second stage running: readers post four
 * comments through the article page; once the background stage has read them, the moderator's
 * queue, ordered by risk, opens on "We know where you live. Watch your back." flagged THREAT by
 * both stages with its words marked, and the moderator rejects it with the keyboard.
 */
@OnSqlite
@TestPropertySource(properties = {"diwan.second-stage.threads=1", "diwan.second-stage.poll=200ms"})
class SecondStageBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @Autowired Articles articles;
  @Autowired StaffAccounts accounts;
  @Autowired CommentRepository repository;
  @Autowired Environment environment;

  private String base() {
    return "http://localhost:" + environment.getRequiredProperty("local.server.port");
  }

  private void awaitTheSecondStage() throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofMinutes(1));
    while (repository.secondStageBacklog() > 0) {
      assertThat(Instant.now()).as("the second stage did not finish in time").isBefore(until);
      Thread.sleep(100);
    }
  }

  @Test
  void theModeratorsQueueOpensOnTheImplicitThreatFlaggedThreatAndTheModeratorRejectsIt()
      throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Council debates the library"));
    String path = article.path();
    session.postComment(base(), path, "Rezan", "Thanks for explaining how the budget is split.");
    session.postComment(base(), path, "Dilan", "Will the council publish the budget first?");
    String threat = session.postComment(base(), path, "Anon", SecondStageContract.THREAT);
    session.postComment(base(), path, "Shirin", "I killed it at my exam in that library.");
    awaitTheSecondStage();

    session.logIn(base(), StaffFixtures.member(accounts, Role.MODERATOR));
    session
        .driver()
        .get(base() + "/moderation?status=PENDING&order=RISK&article=" + article.slug());
    session
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card.selected")));

    List<WebElement> cards = session.driver().findElements(By.cssSelector(".card"));
    assertThat(cards).hasSize(4);
    WebElement top = cards.get(0);
    assertThat(top.getAttribute("class")).contains("selected");
    assertThat(top.findElement(By.cssSelector(".comment-text")).getText())
        .isEqualTo(SecondStageContract.THREAT);
    assertThat(top.findElement(By.cssSelector(".screening")).getText())
        .contains("THREAT")
        .contains("both stages");
    assertThat(top.findElements(By.cssSelector(".comment-text mark"))).isNotEmpty();
    for (WebElement card : cards.subList(1, cards.size())) {
      assertThat(card.findElement(By.cssSelector(".screening")).getText())
          .contains("both stages")
          .doesNotContain("THREAT");
    }
    Browser.screenshot(session.driver(), "second-stage-queue");

    new Actions(session.driver()).sendKeys("r", "4", "n").perform();
    new Actions(session.driver()).sendKeys("Threatens the commenters.", Keys.ENTER).perform();
    session
        .waiting()
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card:not(.gone)"), 3));

    session.driver().get(threat);
    assertThat(session.driver().findElement(By.cssSelector(".status-box h2")).getText())
        .isEqualTo("Not published");
    assertThat(session.driver().findElement(By.cssSelector(".status-box")).getText())
        .contains("Threatens the commenters.");
    Browser.screenshot(session.driver(), "second-stage-rejected");
  }
}
