package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The second stage on a real SQLite file, kept across the restarts of a test. */
class SqliteSecondStageTest extends SecondStageContract {

  @TempDir Path dataDir;

  @Override
  List<String> database() {
    return List.of("--diwan.data-dir=" + dataDir, "--diwan.db.url=");
  }

  @Test
  void screenApiAnswersTheCombinedResultWithEachStagesScores() {
    try (ConfigurableApplicationContext app = start()) {
      String slug =
          app.getBean(org.diwan.article.Articles.class)
              .publish(org.diwan.article.ArticleFixtures.english("Council debates the budget"))
              .slug();
      WebClient web =
          new WebClient(
              app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
      String[] moderator = {
        "Authorization", "Bearer " + StaffFixtures.key(app.getBean(ApiKeys.class), Role.MODERATOR)
      };

      JsonNode both =
          json(
              web.send(
                  "POST",
                  "/api/screen",
                  "{\"text\":\"" + THREAT + "\",\"articleSlug\":\"" + slug + "\"}",
                  moderator));
      assertThat(both.get("stages").asString()).isEqualTo("both");
      assertThat(both.get("flagged").toString()).contains("THREAT");
      assertThat(both.get("firstStage").get("flagged").toString()).doesNotContain("THREAT");
      assertThat(both.get("secondStage").get("outcome").asString()).isEqualTo("SCORED");
      assertThat(both.get("secondStage").get("scores").get("THREAT").asDouble()).isGreaterThan(0.5);
      assertThat(both.get("scores").get("THREAT").asDouble())
          .isGreaterThan(both.get("firstStage").get("scores").get("THREAT").asDouble());

      JsonNode turkish =
          json(
              web.send(
                  "POST",
                  "/api/screen",
                  "{\"text\":\"Belediye bütçesi hakkında güzel bir haber olmuş, teşekkürler.\"}",
                  moderator));
      assertThat(turkish.get("stages").asString()).isEqualTo("first");
      assertThat(turkish.get("secondStage").get("outcome").asString())
          .isEqualTo("LANGUAGE_NOT_COVERED");
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
