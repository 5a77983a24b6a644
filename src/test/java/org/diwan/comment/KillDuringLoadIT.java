package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.support.EmbeddedPostgresServer;
import org.diwan.support.RunningJar;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the real jar takes comments from eight concurrent clients, is
 * killed with SIGKILL in the middle, and is started again on the same data; every comment that was
 * answered 202 must be there, readable by its token, and no row may be half-written.
 */
class KillDuringLoadIT {

  private static final String ARTICLE = "erbil-bazaar-covered-lanes-reopen";
  private static final Pattern TOKEN =
      Pattern.compile("\"token\":\"([0-9a-f]{11}[A-Za-z0-9_-]{43})\"");

  @TempDir Path dir;

  private static final String[] OPEN_LIMITS = {
    "--diwan.limits.comments-per-ip-per-minute=0", "--diwan.limits.comments-per-email-per-minute=0"
  };

  private String[] args(String... more) {
    String[] all = new String[OPEN_LIMITS.length + more.length];
    System.arraycopy(OPEN_LIMITS, 0, all, 0, OPEN_LIMITS.length);
    System.arraycopy(more, 0, all, OPEN_LIMITS.length, more.length);
    return all;
  }

  @Test
  void everyAcknowledgedCommentSurvivesSigkillOnSqlite() throws Exception {
    String[] args = args("--diwan.data-dir=" + dir.resolve("data"));
    Map<String, String> acknowledged = loadAndKill(args);

    try (RunningJar again = RunningJar.start(dir.resolve("app.log"), args)) {
      assertAllReadable(again.client(), acknowledged);
    }
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/diwan.db"));
        Statement s = db.createStatement()) {
      assertThat(single(s, "PRAGMA integrity_check")).isEqualTo("ok");
      assertThat(
              single(
                  s,
                  "SELECT COUNT(*) FROM comment c LEFT JOIN comment_screening x"
                      + " ON x.comment_id = c.id WHERE x.comment_id IS NULL"))
          .as("comments stored without their screening row")
          .isEqualTo("0");
    }
  }

  @Test
  void everyAcknowledgedCommentSurvivesKillingTheAppOnPostgres() throws Exception {
    String url = EmbeddedPostgresServer.newDatabase();
    String[] args =
        args(
            "--diwan.data-dir=" + dir.resolve("data"),
            "--diwan.db.url=" + url,
            "--diwan.db.user=" + EmbeddedPostgresServer.USER);
    Map<String, String> acknowledged = loadAndKill(args);

    try (RunningJar again = RunningJar.start(dir.resolve("app.log"), args)) {
      assertAllReadable(again.client(), acknowledged);
    }
    try (Connection db = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
        Statement s = db.createStatement()) {
      assertThat(
              single(
                  s,
                  "SELECT COUNT(*) FROM comment c LEFT JOIN comment_screening x"
                      + " ON x.comment_id = c.id WHERE x.comment_id IS NULL"))
          .isEqualTo("0");
    }
  }

  /** Posts from eight clients, kills the app mid-load, returns token → text of every 202. */
  private Map<String, String> loadAndKill(String[] args) throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    RunningJar app = RunningJar.start(dir.resolve("app.log"), args);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int c = 0; c < 8; c++) {
      int client = c;
      clients.submit(
          () -> {
            WebClient web = app.client();
            for (int i = 0; running.get(); i++) {
              String text = "Kill test comment " + client + "-" + i;
              try {
                HttpResponse<String> r =
                    web.postJson(
                        "/api/articles/" + ARTICLE + "/comments",
                        "{\"name\":\"K\",\"email\":\"k"
                            + client
                            + "@example.org\",\"text\":\""
                            + text
                            + "\"}");
                Matcher token = TOKEN.matcher(r.body());
                if (r.statusCode() == 202 && token.find()) {
                  acknowledged.put(token.group(1), text);
                }
              } catch (RuntimeException connectionLost) {
                return;
              }
            }
          });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    app.kill();
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).as("comments acknowledged before the kill").isNotEmpty();
    Files.writeString(
        dir.resolve("kill.txt"), "acknowledged before SIGKILL: " + acknowledged.size() + "\n");
    System.out.println("KILL TEST: acknowledged before SIGKILL = " + acknowledged.size());
    return acknowledged;
  }

  private static void assertAllReadable(WebClient web, Map<String, String> acknowledged) {
    int lost = 0;
    for (var entry : acknowledged.entrySet()) {
      HttpResponse<String> status = web.getJson("/api/comments/" + entry.getKey());
      if (status.statusCode() != 200 || !status.body().contains("\"status\":\"PENDING\"")) {
        lost++;
      }
    }
    System.out.println("KILL TEST: lost after restart = " + lost + " of " + acknowledged.size());
    assertThat(lost).as("acknowledged comments missing after restart").isZero();
  }

  private static String single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
