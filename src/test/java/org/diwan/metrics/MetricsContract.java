package org.diwan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentQueue;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus} as a scraper reads it: comments submitted and decided over the real
 * HTTP paths move the counters, the queue's gauges match the database, the caches count their
 * lookups, and only the scrape role (EDITOR here, to show the setting is honoured) and the scrape
 * network get in. The client's address is taken from {@code X-Forwarded-For}, as behind a trusted
 * proxy, so a test on one machine can stand in for other networks. Against each database.
 */
@TestPropertySource(
    properties = {
      "diwan.metrics.role=EDITOR",
      "diwan.metrics.networks=192.0.2.0/24, 2001:db8::/32",
      "diwan.metrics.gauge-refresh=0s",
      "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"
    })
abstract class MetricsContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired Articles articles;
  @Autowired ApiKeys keys;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired CommentQueue queue;
  @Autowired Environment environment;

  WebClient web;
  Article article;
  String scraper;

  @BeforeEach
  void setUp() {
    web = new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    article = articles.publish(ArticleFixtures.english("Harbour ferry returns to service"));
    scraper = StaffFixtures.key(keys, Role.EDITOR);
  }

  /** The Accept header Prometheus sends: OpenMetrics first, the classic text format next. */
  private static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

  private HttpResponse<String> scrapeWith(String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Accept";
    all[1] = PROMETHEUS_ACCEPT;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return web.send("GET", "/actuator/prometheus", null, all);
  }

  private Scrape scrape() {
    HttpResponse<String> response = scrapeWith("Authorization", "Bearer " + scraper);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/openmetrics-text");
    return new Scrape(response.body());
  }

  /** One scrape's text, read as Prometheus would: a sample is a name, labels and a value. */
  record Scrape(String text) {
    double value(String name, String... labels) {
      Matcher line =
          Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
      while (line.find()) {
        String found = line.group(1) == null ? "" : line.group(1);
        boolean all = true;
        for (String label : labels) {
          all &= found.contains(label);
        }
        if (all) {
          return Double.parseDouble(line.group(2));
        }
      }
      return 0; // a counter not made yet has counted nothing
    }
  }

  private long submit(String text) {
    HttpResponse<String> response =
        web.postJson(
            "/api/articles/" + article.slug() + "/comments",
            "{\"name\":\"Dilan\",\"email\":\"dilan-"
                + System.nanoTime()
                + "@example.org\",\"text\":\""
                + text
                + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("id").asLong();
  }

  private void decide(String moderatorKey, long id, String body) {
    HttpResponse<String> response =
        web.send(
            "POST",
            "/api/moderation/comments/" + id + "/decision",
            body,
            "Authorization",
            "Bearer " + moderatorKey);
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
  }

  @Test
  void submissionsAndDecisionsOverHttpMoveTheCountersAndTheQueueGauges() {
    String moderator = StaffFixtures.key(keys, Role.MODERATOR);
    Scrape before = scrape();

    long first = submit("The ferry timetable is much better this year.");
    long second = submit("Thanks for covering the harbour works.");
    submit("Will the evening crossing come back too?");
    decide(moderator, first, "{\"action\":\"APPROVE\"}");
    decide(
        moderator,
        second,
        "{\"action\":\"REJECT\",\"codes\":[\"PERSONAL_ATTACK\",\"OFF_TOPIC\"],\"note\":\"No.\"}");
    Scrape after = scrape();

    String en = "language=\"en\"";
    assertThat(after.value("diwan_comments_submitted_total", en))
        .isEqualTo(before.value("diwan_comments_submitted_total", en) + 3);
    String approved = "action=\"approve\"";
    String manual = "automatic=\"false\"";
    assertThat(after.value("diwan_comments_decided_total", approved, manual))
        .isEqualTo(before.value("diwan_comments_decided_total", approved, manual) + 1);
    String rejected = "action=\"reject\"";
    assertThat(after.value("diwan_comments_decided_total", rejected, manual))
        .isEqualTo(before.value("diwan_comments_decided_total", rejected, manual) + 1);
    for (String code : new String[] {"PERSONAL_ATTACK", "OFF_TOPIC"}) {
      String named = "code=\"" + code + "\"";
      assertThat(after.value("diwan_comments_decided_codes_total", rejected, named))
          .as(code)
          .isEqualTo(before.value("diwan_comments_decided_codes_total", rejected, named) + 1);
    }
    assertThat(after.value("diwan_screening_seconds_count"))
        .isEqualTo(before.value("diwan_screening_seconds_count") + 3);
    assertThat(after.value("diwan_screening_seconds_sum"))
        .isGreaterThan(before.value("diwan_screening_seconds_sum"));

    long pending =
        jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'PENDING'")
            .query(Long.class)
            .single();
    assertThat(after.value("diwan_comments_pending")).isEqualTo(pending);
    assertThat(after.value("diwan_comments_pending"))
        .isEqualTo(before.value("diwan_comments_pending") + 1);
    Instant oldest = queue.oldestPending().orElseThrow();
    double waited = Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    assertThat(after.value("diwan_comments_pending_oldest_age_seconds"))
        .isPositive()
        .isCloseTo(waited, within(5.0));
  }

  @Test
  void theCachesCountTheirHitsAndMisses() {
    Scrape before = scrape();
    String page = article.path();
    String comments = "/api/articles/" + article.slug() + "/comments";
    for (String path : new String[] {page, page, "/", "/"}) {
      assertThat(web.get(path).statusCode()).as(path).isEqualTo(200);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(web.getJson(comments).statusCode()).isEqualTo(200);
    }
    submit("Good to see the ferry back.");
    Scrape after = scrape();

    for (String cache : new String[] {"article-pages", "comment-lists"}) {
      String named = "cache=\"" + cache + "\"";
      assertThat(after.value("diwan_cache_lookups_total", named, "result=\"miss\""))
          .as(cache + " misses")
          .isEqualTo(before.value("diwan_cache_lookups_total", named, "result=\"miss\"") + 1);
      assertThat(after.value("diwan_cache_lookups_total", named, "result=\"hit\""))
          .as(cache + " hits")
          .isEqualTo(before.value("diwan_cache_lookups_total", named, "result=\"hit\"") + 1);
    }
    String front = "cache=\"front-pages\"";
    assertThat(after.value("diwan_cache_lookups_total", front, "result=\"hit\""))
        .isGreaterThan(before.value("diwan_cache_lookups_total", front, "result=\"hit\""));
    String policies = "cache=\"policies\"";
    assertThat(
            after.value("diwan_cache_lookups_total", policies, "result=\"hit\"")
                + after.value("diwan_cache_lookups_total", policies, "result=\"miss\""))
        .isGreaterThan(
            before.value("diwan_cache_lookups_total", policies, "result=\"hit\"")
                + before.value("diwan_cache_lookups_total", policies, "result=\"miss\""));
  }

  @Test
  void aClientOnAScrapeNetworkNeedsNoCredentials() {
    for (String address : new String[] {"192.0.2.44", "2001:db8::7"}) {
      HttpResponse<String> response = scrapeWith("X-Forwarded-For", address);
      assertThat(response.statusCode()).as(address).isEqualTo(200);
      assertThat(response.body()).contains("diwan_comments_pending");
    }
  }

  @Test
  void anonymousClientsAndOtherNetworksAreRefusedSayingHowToGetIn() {
    for (String[] headers :
        new String[][] {
          {}, {"X-Forwarded-For", "198.51.100.7"}, {"X-Forwarded-For", "2001:db9::1"}
        }) {
      HttpResponse<String> response = scrapeWith(headers);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("code").asString()).isEqualTo("metrics.required");
      assertThat(problem.get("detail").asString()).contains("EDITOR", "DIWAN_METRICS_NETWORKS");
      assertThat(response.body()).doesNotContain("diwan_comments");
    }
  }

  @Test
  void keysAndAccountsWithoutTheScrapeRoleAreRefused() {
    String[][] callers = {
      {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.MODERATOR)},
      {"Authorization", "Bearer " + StaffFixtures.key(keys, Role.ADMIN)},
      {"Authorization", basic(StaffFixtures.member(accounts, Role.MODERATOR, Role.ADMIN))}
    };
    for (String[] caller : callers) {
      HttpResponse<String> response = scrapeWith(caller);
      assertThat(response.statusCode()).isEqualTo(403);
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("code").asString()).isEqualTo("metrics.forbidden");
      assertThat(problem.get("detail").asString()).contains("EDITOR", "DIWAN_METRICS_ROLE");
    }
    String editor = basic(StaffFixtures.member(accounts, Role.EDITOR));
    assertThat(scrapeWith("Authorization", editor).statusCode()).isEqualTo(200);
    HttpResponse<String> unknown = scrapeWith("Authorization", "Bearer dwn_not-a-key");
    assertThat(unknown.statusCode()).isEqualTo(401);
  }

  @Test
  void noOtherActuatorEndpointIsOpenEvenToTheScrapeRole() {
    for (String path :
        new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics"}) {
      HttpResponse<String> response =
          web.send("GET", path, null, "Authorization", "Bearer " + scraper);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
    }
    assertThat(web.getJson("/actuator/health").statusCode()).isEqualTo(200);
  }

  private static String basic(String email) {
    byte[] credentials = (email + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(credentials);
  }
}
