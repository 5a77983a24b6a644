package org.diwan.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.diwan.comment.CommentDecisions;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embed as a newsroom uses it: a story page on another port, served by Debian's nginx, adds
 * {@code /embed.js} and one element; in real Chromium the comment section appears in it sized to
 * its content, a reader posts and gets the status link, and once a moderator approves, the comment
 * shows in the embed. Forged height messages change nothing; an origin not on the list is refused.
 */
@OnSqlite
class EmbedBrowserTest {

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  private static Path work;
  private static Process nginx;
  private static int hostPort;

  @Autowired EmbedSites sites;
  @Autowired CommentDecisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  private String diwan;
  private String host;

  @BeforeAll
  static void startHost() throws Exception {
    work = Files.createTempDirectory("diwan-embed-host-");
    Path site = Files.createDirectories(work.resolve("site"));
    try (ServerSocket socket = new ServerSocket(0)) {
      hostPort = socket.getLocalPort();
    }
    Files.writeString(
        work.resolve("nginx.conf"),
        String.join(
            "\n",
            "daemon off;",
            "user " + System.getProperty("user.name") + ";",
            "worker_processes 1;",
            "pid " + work.resolve("nginx.pid") + ";",
            "error_log " + work.resolve("error.log") + " warn;",
            "events { worker_connections 64; }",
            "http {",
            "  access_log off;",
            "  types { text/html html; }",
            "  client_body_temp_path " + work.resolve("body") + ";",
            "  proxy_temp_path " + work.resolve("proxy") + ";",
            "  fastcgi_temp_path " + work.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + work.resolve("uwsgi") + ";",
            "  scgi_temp_path " + work.resolve("scgi") + ";",
            "  server {",
            "    listen 127.0.0.1:" + hostPort + ";",
            "    root " + site + ";",
            "  }",
            "}",
            ""));
    Files.writeString(site.resolve("ping.html"), "ok");
    nginx =
        new ProcessBuilder(
                "/usr/sbin/nginx",
                "-p",
                work.toString(),
                "-e",
                work.resolve("error.log").toString(),
                "-c",
                work.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("stdout.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(nginx.isAlive()).as("nginx: %s", log()).isTrue();
      try {
        if (new WebClient(hostPort).get("/ping.html").statusCode() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("nginx did not start: " + log());
  }

  private static String log() {
    try {
      Path log = work.resolve("error.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  @AfterAll
  static void stopHost() throws InterruptedException {
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    diwan = "http://localhost:" + environment.getRequiredProperty("local.server.port");
    host = "http://localhost:" + hostPort;
    jdbc.sql("DELETE FROM embed_site").update();
    Files.writeString(
        work.resolve("site").resolve("story.html"),
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Harbour Gazette</title></head>
        <body style="font-family: serif; margin: 2rem;">
        <h1>Ferry back in service after repairs</h1>
        <p>The harbour ferry runs again from Monday, the council said.</p>
        <div id="comments" data-diwan-story="%s/story.html" data-diwan-title="Ferry back in service"></div>
        <p id="after">Footer of the host page.</p>
        <script src="%s/embed.js"></script>
        </body></html>
        """
            .formatted(host, diwan),
        StandardCharsets.UTF_8);
    session.freshVisitor(new Dimension(1000, 900));
  }

  private WebDriver browser() {
    return session.driver();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser()).executeScript(script, args);
  }

  private WebElement frame() {
    return session
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comments iframe")));
  }

  /** Waits until the frame's height is what its page reported, and returns it. */
  private long sizedFrame() {
    WebElement frame = frame();
    session.waiting().until(d -> !"480px".equals(js("return arguments[0].style.height", frame)));
    return ((Number) js("return arguments[0].getBoundingClientRect().height", frame)).longValue();
  }

  @Test
  void aReaderPostsInTheEmbedAndSeesTheCommentThereOnceApproved() {
    sites.add(host, "admin@example.org");
    browser().get(host + "/story.html");
    long height = sizedFrame();

    browser().switchTo().frame(frame());
    session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("post-comment")));
    long content =
        ((Number)
                js(
                    "return Math.ceil(document.querySelector('main').getBoundingClientRect().bottom)"))
            .longValue();
    assertThat(height).as("the frame is as tall as its content").isBetween(content, content + 40);
    assertThat(browser().findElement(By.cssSelector(".moderated")).isDisplayed()).isTrue();
    assertThat(browser().findElement(By.cssSelector(".guidelines")).isDisplayed()).isTrue();
    browser().switchTo().defaultContent();
    Browser.screenshot(browser(), "embed-host-page");

    browser().switchTo().frame(frame());
    browser().findElement(By.id("name")).sendKeys("Shirin");
    browser().findElement(By.id("email")).sendKeys("shirin@example.org");
    browser()
        .findElement(By.id("text"))
        .sendKeys("Good news: the ferry is the quickest way to the market.");
    browser().findElement(By.cssSelector(".comment-form button[type='submit']")).click();
    WebElement status =
        session
            .waiting()
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status-link")));
    assertThat(status.getAttribute("href")).startsWith(diwan + "/comments/");
    assertThat(status.getAttribute("target")).isEqualTo("_blank");
    browser().switchTo().defaultContent();
    Browser.screenshot(browser(), "embed-posted");

    long id =
        jdbc.sql(
                "SELECT c.id FROM comment c JOIN article a ON a.id = c.article_id"
                    + " WHERE a.external_url = ?")
            .param(host + "/story.html")
            .query(Long.class)
            .single();
    decisions.approve(id);

    browser().navigate().refresh();
    long before = sizedFrame();
    browser().switchTo().frame(frame());
    assertThat(
            session
                .waiting()
                .until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment-text")))
                .getText())
        .isEqualTo("Good news: the ferry is the quickest way to the market.");
    browser().switchTo().defaultContent();
    Browser.screenshot(browser(), "embed-approved");
    assertThat(before).isGreaterThan(height - 200);
  }

  @Test
  void forgedHeightMessagesChangeNothing() {
    sites.add(host, "admin@example.org");
    browser().get(host + "/story.html");
    long height = sizedFrame();
    // From the host page itself, and from another frame in it: neither is Diwan's iframe.
    js(
        """
        window.__seen = 0;
        window.addEventListener('message', e => { if (e.data === 'marker') window.__seen++; });
        window.postMessage({type: 'diwan:height', height: 3000}, '*');
        window.postMessage('marker', '*');
        const other = document.createElement('iframe');
        other.srcdoc = "<script>parent.postMessage({type: 'diwan:height', height: 2500}, '*');"
          + "parent.postMessage('marker', '*');<\\/script>";
        document.body.appendChild(other);
        """);
    session.waiting().until(d -> ((Number) js("return window.__seen")).intValue() == 2);
    assertThat(
            ((Number)
                    js(
                        "return document.querySelector('#comments iframe').getBoundingClientRect().height"))
                .longValue())
        .isEqualTo(height);
  }

  @Test
  void anOriginNotOnTheListShowsTheRefusal() {
    long before = externals();
    browser().get(host + "/story.html");
    browser().switchTo().frame(frame());
    assertThat(
            session
                .waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")))
                .getText())
        .contains("This site is not allowed to show")
        .contains("/admin/sites");
    assertThat(browser().findElements(By.tagName("form"))).isEmpty();
    browser().switchTo().defaultContent();
    Browser.screenshot(browser(), "embed-refused");
    assertThat(externals()).isEqualTo(before);
  }

  private long externals() {
    return jdbc.sql("SELECT COUNT(*) FROM article WHERE external_url IS NOT NULL")
        .query(Long.class)
        .single();
  }
}
