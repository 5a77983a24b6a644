package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.diwan.support.RunningJar;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started on fresh data directories, again and again, while clients knock from the
 * first moment: a reader, the first admin over HTTP Basic, and an integration reading the demo
 * comments. Every start must come up (creating the first admin never races the demo seeding), and
 * the first answer each client gets must already be the finished site: the demo articles and
 * comments there, the admin's credentials accepted.
 */
class FirstStartIT {

  /** Starts; each takes several seconds, so the default keeps the test near a minute. */
  private static final int STARTS = Integer.getInteger("diwan.it.first-starts", 6);

  private static final String ADMIN = "first.admin@example.org";
  private static final String PASSWORD = "a long first password";
  private static final String DEMO = "erbil-bazaar-covered-lanes-reopen";

  @TempDir Path dir;

  @Test
  void everyFirstStartComesUpAndItsFirstAnswersSeeTheFinishedSite() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(3);
    try {
      for (int start = 0; start < STARTS; start++) {
        Path data = dir.resolve("data-" + start);
        Path log = dir.resolve("start-" + start + ".log");
        try (RunningJar site =
            RunningJar.launch(
                log,
                "--diwan.data-dir=" + data,
                "--diwan.admin.email=" + ADMIN,
                "--diwan.admin.password=" + PASSWORD)) {
          Future<HttpResponse<String>> home =
              clients.submit(() -> firstAnswer(site, web -> web.get("/")));
          Future<HttpResponse<String>> admin =
              clients.submit(
                  () ->
                      firstAnswer(
                          site,
                          web ->
                              web.send(
                                  "GET",
                                  "/api/admin/api-keys",
                                  null,
                                  "Authorization",
                                  basic(ADMIN, PASSWORD))));
          Future<HttpResponse<String>> comments =
              clients.submit(
                  () ->
                      firstAnswer(site, web -> web.getJson("/api/articles/" + DEMO + "/comments")));

          String which = "start " + start + " (" + log.getFileName() + ")";
          assertThat(home.get().statusCode()).as(which).isEqualTo(200);
          assertThat(home.get().body()).as(which).contains("/articles/" + DEMO);
          assertThat(admin.get().statusCode()).as(which + ": the admin's first try").isEqualTo(200);
          assertThat(comments.get().statusCode()).as(which).isEqualTo(200);
          assertThat(comments.get().body()).as(which).contains("\"total\":2");
          assertThat(site.client().getJson("/actuator/health/readiness").statusCode())
              .as(which)
              .isEqualTo(200);
          assertThat(site.isAlive()).as(which).isTrue();
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** Sends the request until the site answers it at all, and returns that first answer. */
  private static HttpResponse<String> firstAnswer(
      RunningJar site, Function<WebClient, HttpResponse<String>> request)
      throws InterruptedException {
    WebClient web = site.client();
    Instant until = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(until)) {
      if (!site.isAlive()) {
        throw new AssertionError("The application exited during its first start");
      }
      try {
        return request.apply(web);
      } catch (IllegalStateException notListening) {
        Thread.sleep(5);
      }
    }
    throw new AssertionError("The application did not answer within 90 s");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String tail(Path log) {
    try {
      var lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
