package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.support.EmbeddedPostgresServer;
import org.diwan.support.RunningJar;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three instances of the packaged jar on one real PostgreSQL, behind Debian's nginx running the
 * shipped {@code deploy/nginx/diwan.conf}: the site behaves as one, through nginx and through each
 * instance directly. Prints the measured propagation times (a change made on one instance until the
 * others show it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String ADMIN = "cluster.admin@example.org";
  private static final String PASSWORD = "a long cluster password";
  private static final Duration WITHIN = Duration.ofSeconds(1);
  private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private static Path work;
  private static String databaseUrl;
  private static final List<RunningJar> instances = new ArrayList<>();
  private static Process nginx;
  private static int nginxPort;
  private static final List<Long> propagation = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws Exception {
    work = Files.createTempDirectory("diwan-cluster-it-");
    databaseUrl = EmbeddedPostgresServer.newDatabase();
    for (int i = 0; i < 3; i++) {
      instances.add(
          RunningJar.launch(
              work.resolve("instance-" + i + ".log"),
              "--diwan.demo=false",
              "--diwan.db.url=" + databaseUrl,
              "--diwan.db.user=" + EmbeddedPostgresServer.USER,
              "--diwan.db.password=",
              "--diwan.data-dir=" + work.resolve("data-" + i),
              "--diwan.admin.email=" + ADMIN,
              "--diwan.admin.password=" + PASSWORD,
              "--diwan.limits.comments-per-ip-per-minute=5",
              "--diwan.limits.comments-per-email-per-minute=0",
              "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"));
    }
    for (RunningJar instance : instances) {
      instance.awaitReady(Duration.ofSeconds(120));
    }
    nginx = startNginx();
  }

  @AfterAll
  static void stop() throws Exception {
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor(10, TimeUnit.SECONDS);
    }
    for (RunningJar instance : instances) {
      instance.close();
    }
    synchronized (propagation) {
      if (!propagation.isEmpty()) {
        List<Long> sorted = new ArrayList<>(propagation);
        Collections.sort(sorted);
        System.out.printf(
            "Cluster propagation over %d changes seen on other instances: median %d ms, max %d ms%n",
            sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
      }
    }
  }

  /** The shipped configuration with this test's ports and paths, run by Debian's nginx. */
  private static Process startNginx() throws Exception {
    Path binary = Path.of("/usr/sbin/nginx");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "nginx is missing: .ci/run installs it (apt-get install nginx)");
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      nginxPort = socket.getLocalPort();
    }
    Path prefix = Files.createDirectories(work.resolve("nginx"));
    Files.createDirectories(prefix.resolve("cache"));
    String site = Files.readString(Path.of("deploy/nginx/diwan.conf"), StandardCharsets.UTF_8);
    StringBuilder servers = new StringBuilder();
    for (RunningJar instance : instances) {
      servers
          .append("    server 127.0.0.1:")
          .append(instance.port())
          .append(" max_fails=1 fail_timeout=5s;\n");
    }
    site =
        site.replaceAll("(?m)^    server 127\\.0\\.0\\.1:808\\d.*\\n", "")
            .replace("upstream diwan {\n", "upstream diwan {\n" + servers)
            .replace("listen 80;", "listen 127.0.0.1:" + nginxPort + ";")
            .replace("/var/cache/nginx/", prefix + "/cache/");
    Files.writeString(prefix.resolve("diwan.conf"), site);
    Files.writeString(
        prefix.resolve("nginx.conf"),
        String.join(
            "\n",
            "daemon off;",
            // As root, workers would run as nobody, who cannot enter this test's directories.
            "user " + System.getProperty("user.name") + ";",
            "worker_processes 1;",
            "pid " + prefix.resolve("nginx.pid") + ";",
            "error_log " + prefix.resolve("error.log") + " warn;",
            "events { worker_connections 1024; }",
            "http {",
            "  access_log off;",
            "  client_body_temp_path " + prefix.resolve("body") + ";",
            "  proxy_temp_path " + prefix.resolve("proxy") + ";",
            "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
            "  scgi_temp_path " + prefix.resolve("scgi") + ";",
            "  include " + prefix.resolve("diwan.conf") + ";",
            "}",
            ""));
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "-p",
                prefix.toString(),
                "-e",
                prefix.resolve("error.log").toString(),
                "-c",
                prefix.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("stdout.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "nginx exited: " + Files.readString(prefix.resolve("stdout.log")) + errorLog(prefix));
      }
      try {
        if (new WebClient(nginxPort).get("/").statusCode() == 200) {
          return process;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("nginx did not start" + errorLog(prefix));
  }

  private static String errorLog(Path prefix) throws IOException {
    Path log = prefix.resolve("error.log");
    return Files.exists(log) ? "\n" + Files.readString(log) : "";
  }

  private static WebClient proxy() {
    return new WebClient(nginxPort);
  }

  private static WebClient direct(int i) {
    return instances.get(i).client();
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String article(int on, String headline) {
    HttpResponse<String> created =
        direct(on)
            .send(
                "POST",
                "/api/articles",
                "{\"headline\":\""
                    + headline
                    + "\",\"source\":\"Diwan\",\"dateline\":\"Erbil\","
                    + "\"body\":\"The council met on Tuesday.\",\"tags\":[],\"language\":\"en\"}",
                "Authorization",
                basic());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher slug = SLUG.matcher(created.body());
    assertThat(slug.find()).isTrue();
    return slug.group(1);
  }

  private static long comment(WebClient web, String slug, String name, String email, String from) {
    HttpResponse<String> posted =
        web.send(
            "POST",
            "/api/articles/" + slug + "/comments",
            "{\"name\":\""
                + name
                + "\",\"email\":\""
                + email
                + "\",\"text\":\"A comment from "
                + name
                + " on the council.\"}",
            "X-Forwarded-For",
            from);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    Matcher id = ID.matcher(posted.body());
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  private static void decide(int on, long id, String action) {
    HttpResponse<String> decided =
        direct(on)
            .send(
                "POST",
                "/api/moderation/comments/" + id + "/decision",
                "{\"action\":\""
                    + action
                    + "\",\"codes\":"
                    + (action.equals("APPROVE") ? "[]" : "[\"PERSONAL_ATTACK\"]")
                    + "}",
                "Authorization",
                basic());
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
  }

  /**
   * Reads {@code path} from every instance in turn until each satisfies {@code seen}, recording how
   * long each took from {@code since} (the changing request's answer); each must show it within
   * {@link #WITHIN}, and so must nginx.
   */
  private static void seenEverywhere(
      int changedOn, String path, Predicate<String> seen, long since) {
    assertThat(seen.test(read(direct(changedOn), path).body()))
        .as("the instance that made the change shows it at once")
        .isTrue();
    Map<Integer, Long> took = new java.util.TreeMap<>();
    List<Integer> waiting = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      if (i != changedOn) {
        waiting.add(i);
      }
    }
    waiting.add(-1); // nginx
    while (!waiting.isEmpty()) {
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      if (elapsed > WITHIN.toMillis()) {
        break;
      }
      for (Integer i : List.copyOf(waiting)) {
        String body = read(i < 0 ? proxy() : direct(i), path).body();
        if (seen.test(body)) {
          took.put(i, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
          waiting.remove(i);
        }
      }
    }
    assertThat(waiting).as("still not showing the change to %s after %s", path, WITHIN).isEmpty();
    took.forEach(
        (i, ms) -> {
          assertThat(ms)
              .as("%s took %d ms", i < 0 ? "nginx" : "instance " + i, ms)
              .isLessThanOrEqualTo(WITHIN.toMillis());
          if (i >= 0) {
            propagation.add(ms);
          }
        });
  }

  /** Every instance reads the page now, so each holds it in its cache before the change. */
  private static void cacheEverywhere(String path) {
    for (int i = 0; i < instances.size(); i++) {
      assertThat(read(direct(i), path).statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> read(WebClient web, String path) {
    return path.startsWith("/api/") ? web.getJson(path) : web.get(path);
  }

  @Test
  @Order(1)
  void decisionsTakeDownsEditsAndErasuresOnOneInstanceShowOnAllWithinASecond() {
    String slug = article(0, "Council opens the new bridge");
    String page = "/articles/" + slug;
    String json = "/api/articles/" + slug + "/comments";
    long first = comment(proxy(), slug, "Avan Jalal", "avan@example.org", "198.51.100.1");
    cacheEverywhere(page);
    cacheEverywhere(json);

    decide(1, first, "APPROVE");
    long since = System.nanoTime();
    seenEverywhere(1, page, p -> p.contains("Avan Jalal"), since);
    seenEverywhere(1, json, p -> p.contains("Avan Jalal"), System.nanoTime());

    decide(2, first, "REMOVE");
    since = System.nanoTime();
    seenEverywhere(2, page, p -> !p.contains("Avan Jalal"), since);
    seenEverywhere(2, json, p -> !p.contains("Avan Jalal"), System.nanoTime());

    long second = comment(direct(2), slug, "Baran Qadir", "baran@example.org", "198.51.100.2");
    decide(0, second, "APPROVE");
    seenEverywhere(0, page, p -> p.contains("Baran Qadir"), System.nanoTime());
    HttpResponse<String> edited =
        direct(2)
            .send(
                "PUT",
                "/api/articles/" + slug,
                "{\"headline\":\"Council opens the new bridge to traffic\",\"source\":\"Diwan\","
                    + "\"dateline\":\"Erbil\",\"body\":\"The council met on Tuesday.\","
                    + "\"tags\":[],\"language\":\"en\"}",
                "Authorization",
                basic());
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    since = System.nanoTime();
    seenEverywhere(2, page, p -> p.contains("Council opens the new bridge to traffic"), since);

    HttpResponse<String> erased =
        direct(1)
            .send(
                "DELETE",
                "/api/admin/personal-data?email=baran@example.org",
                null,
                "Authorization",
                basic());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    since = System.nanoTime();
    seenEverywhere(1, page, p -> !p.contains("Baran Qadir"), since);
    seenEverywhere(1, json, p -> !p.contains("Baran Qadir"), System.nanoTime());
  }

  @Test
  @Order(2)
  void aModeratorLoggedInOnceThroughNginxDecidesWhicheverInstanceAnswers() {
    String slug = article(1, "Water prices rise in the city");
    WebClient moderator = proxy().logIn(ADMIN, PASSWORD);
    for (int n = 0; n < 6; n++) {
      long id =
          comment(proxy(), slug, "Reader " + n, "reader" + n + "@example.org", "198.51.100.3" + n);
      HttpResponse<String> decided =
          moderator.submitForm(
              "/moderation",
              "/moderation/comments/" + id + "/decision",
              Map.of("action", "APPROVE"));
      // The form's token was read from whichever instance showed the queue, and is checked by
      // whichever takes the post: both know the session only from the database.
      assertThat(decided.statusCode()).as("decision %d", n).isEqualTo(200);
      assertThat(decided.body()).contains("Comment " + id + " approved.");
    }
    String page = proxy().get("/articles/" + slug).body();
    for (int n = 0; n < 6; n++) {
      assertThat(page).contains("Reader " + n);
    }
  }

  @Test
  @Order(3)
  void anAddressesCommentLimitHoldsAcrossTheInstances() {
    String slug = article(2, "Limits for the cluster");
    AtomicInteger accepted = new AtomicInteger();
    int refused = 0;
    for (int n = 0; n < 9; n++) {
      WebClient web = n % 4 == 3 ? proxy() : direct(n % 3);
      int status =
          web.send(
                  "POST",
                  "/api/articles/" + slug + "/comments",
                  "{\"name\":\"Same\",\"email\":\"same"
                      + n
                      + "@example.org\",\"text\":\"Comment number "
                      + n
                      + ".\"}",
                  "X-Forwarded-For",
                  "203.0.113.77")
              .statusCode();
      if (status == 202) {
        accepted.incrementAndGet();
      } else if (status == 429) {
        refused++;
      }
    }
    assertThat(accepted.get()).isEqualTo(5);
    assertThat(refused).isEqualTo(4);
  }

  @Test
  @Order(4)
  void killingAnInstanceUnderLoadLosesNoAcknowledgedCommentAndNginxServesOn() throws Exception {
    String slug = article(0, "Load on the cluster");
    List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failedAfterKill = new AtomicInteger();
    AtomicInteger sentAfterKill = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger counter = new AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Thread writer =
          new Thread(
              () -> {
                WebClient web = proxy();
                while (running.get()) {
                  int n = counter.incrementAndGet();
                  boolean after = killed.get();
                  try {
                    HttpResponse<String> r =
                        web.send(
                            "POST",
                            "/api/articles/" + slug + "/comments",
                            "{\"name\":\"Load\",\"email\":\"load"
                                + n
                                + "@example.org\",\"text\":\"Load comment "
                                + n
                                + ".\"}",
                            "X-Forwarded-For",
                            "10.0." + (n / 250) + "." + (n % 250));
                    if (r.statusCode() == 202) {
                      Matcher id = ID.matcher(r.body());
                      if (id.find()) {
                        acknowledged.add(Long.parseLong(id.group(1)));
                      }
                    } else if (after) {
                      failedAfterKill.incrementAndGet();
                    }
                  } catch (RuntimeException e) {
                    if (after) {
                      failedAfterKill.incrementAndGet();
                    }
                  }
                  if (after) {
                    sentAfterKill.incrementAndGet();
                  }
                }
              });
      writer.start();
      writers.add(writer);
    }
    Thread.sleep(1500);
    instances.get(1).kill();
    Thread.sleep(500); // requests in flight at the kill may fail; from here on none may
    killed.set(true);
    Thread.sleep(2000);
    running.set(false);
    for (Thread writer : writers) {
      writer.join();
    }

    assertThat(acknowledged).hasSizeGreaterThan(20);
    assertThat(sentAfterKill.get()).isPositive();
    assertThat(failedAfterKill.get()).as("requests failed after the kill").isZero();
    try (Connection db = DriverManager.getConnection(databaseUrl, EmbeddedPostgresServer.USER, "");
        Statement query = db.createStatement();
        ResultSet stored =
            query.executeQuery(
                "SELECT COUNT(*) FROM comment WHERE id IN ("
                    + String.join(",", acknowledged.stream().map(String::valueOf).toList())
                    + ")")) {
      stored.next();
      assertThat(stored.getLong(1))
          .as("acknowledged comments stored")
          .isEqualTo(acknowledged.size());
    }
    assertThat(proxy().get("/articles/" + slug).statusCode()).isEqualTo(200);
  }
}
