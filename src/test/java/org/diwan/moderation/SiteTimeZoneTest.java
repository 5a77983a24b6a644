package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentSubmission;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The consoles keep the site's time zone: the dashboard's "today" starts at midnight there, and the
 * word-list page writes its times in it. The zone, 14 hours ahead of UTC, puts midnight there on a
 * different UTC day from midnight in UTC whatever the time of the run.
 */
@OnSqlite
@TestPropertySource(properties = "diwan.time-zone=" + SiteTimeZoneTest.ZONE)
class SiteTimeZoneTest {

  static final String ZONE = "Pacific/Kiritimati";

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  private WebClient staff(Role... roles) {
    return new WebClient(environment.getRequiredProperty("local.server.port", Integer.class))
        .logIn(StaffFixtures.member(accounts, roles), StaffFixtures.PASSWORD);
  }

  private void decided(long commentId, String actor, Instant at) {
    jdbc.sql(
            "INSERT INTO moderation_decision (comment_id, action, codes, actor, automatic,"
                + " decided_at) VALUES (?, 'APPROVE', '', ?, ?, ?)")
        .params(commentId, actor, false, at.toEpochMilli())
        .update();
  }

  @Test
  void dashboardCountsTodayFromMidnightInTheSitesZone() {
    String slug = articles.publish(ArticleFixtures.english("Zones")).slug();
    long id = submission.submit(CommentFixtures.valid(slug)).id();
    Instant midnight =
        ZonedDateTime.now(ZoneId.of(ZONE)).toLocalDate().atStartOfDay(ZoneId.of(ZONE)).toInstant();
    decided(id, "before-midnight@example.org", midnight.minusSeconds(60));
    decided(id, "after-midnight@example.org", midnight.plusSeconds(60));

    String dashboard = staff(Role.MODERATOR).get("/moderation/dashboard").body();

    assertThat(dashboard).contains(ZONE).doesNotContain("(UTC)");
    assertThat(dashboard).contains("after-midnight@example.org");
    assertThat(dashboard).doesNotContain("before-midnight@example.org");
  }

  @Test
  void wordListPageWritesItsTimesInTheSitesZone() {
    WebClient admin = staff(Role.ADMIN);
    admin.submitForm(
        "/admin/word-lists",
        "/admin/word-lists",
        Map.of(
            "language", "tr", "kind", "SUSPECT", "text", "OFF_TOPIC zamanlama", "action", "save"));

    String page = admin.get("/admin/word-lists").body();

    assertThat(page).contains("edited by").doesNotContain("UTC");
    assertThat(page).containsPattern("\\d\\d:\\d\\d LINT");
  }
}
