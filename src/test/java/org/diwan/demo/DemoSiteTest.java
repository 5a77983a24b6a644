package org.diwan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleBody;
import org.diwan.article.Articles;
import org.diwan.article.Photo;
import org.diwan.article.TextDirection;
import org.diwan.comment.PublishedComments;
import org.diwan.site.Texts;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starting on an empty data directory, as a newcomer does, gives a small readable demo site. */
class DemoSiteTest {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--diwan.data-dir=" + dataDir;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return new SpringApplicationBuilder(DiwanApplication.class).run(args);
  }

  @Test
  void emptyDataDirectoryIsSeededOnceWithTheDemoSite() throws SQLException {
    try (ConfigurableApplicationContext app = start()) {
      Articles articles = app.getBean(Articles.class);
      List<Article> seeded = articles.newest(0, 20);

      assertThat(seeded).hasSizeGreaterThanOrEqualTo(3);
      assertThat(seeded).anyMatch(a -> a.updatedAt() != null);
      assertThat(seeded).anyMatch(a -> a.direction() == TextDirection.RTL);
      assertThat(seeded).allMatch(a -> !a.tags().isEmpty() && !a.dateline().isEmpty());
      assertThat(seeded)
          .anyMatch(a -> a.blocks().stream().anyMatch(ArticleBody.PullQuote.class::isInstance));
      Article withPhoto =
          seeded.stream().filter(a -> !a.photos().isEmpty()).findFirst().orElseThrow();
      assertThat(withPhoto.photos().get(0).credit()).isNotBlank();
      assertThat(app.getBean(PublishedComments.class).count(withPhoto.id())).isPositive();
      assertThat(Files.exists(dataDir.resolve("diwan.db"))).isTrue();
      // A newcomer finds every edition with stories in it, and one story in two languages.
      for (Texts edition : Texts.editions()) {
        assertThat(articles.newest(edition.lang(), 0, 20))
            .as(edition.lang())
            .hasSizeGreaterThanOrEqualTo(2);
      }
      assertThat(articles.translations(articles.get("erbil-bazaar-covered-lanes-reopen")))
          .extracting(Article::language)
          .containsExactly("ckb");

      WebClient web = new WebClient(port(app));
      HttpResponse<String> photo = web.get(withPhoto.photos().get(0).url());
      assertThat(photo.statusCode()).isEqualTo(200);
      assertThat(photo.headers().firstValue("Content-Type")).contains("image/jpeg");
      assertThat(photo.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(web.get("/photos/..%2Fdiwan.db").statusCode()).isIn(400, 404);
      assertThat(web.get("/photos/..%2Fdiwan.db").body()).doesNotContain("SQLite");
      assertThat(web.get("/photos/unknown.jpg").statusCode()).isEqualTo(404);
      Photo demoPhoto = withPhoto.photos().get(0);
      assertThat(demoPhoto.widths()).isNotEmpty();
      for (int width : demoPhoto.widths()) {
        HttpResponse<String> copy = web.get(demoPhoto.url(width));
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.headers().firstValue("Content-Type")).contains("image/webp");
      }
    }
    // As a release before photo sizes left it: the next start measures the photo again.
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("diwan.db"));
        Statement sql = db.createStatement()) {
      sql.executeUpdate("UPDATE photo SET width = NULL, height = NULL");
    }
    try (ConfigurableApplicationContext again = start()) {
      Articles articles = again.getBean(Articles.class);
      assertThat(articles.newest(0, 50)).hasSize(12);
      assertThat(articles.newest(0, 50))
          .flatExtracting(Article::photos)
          .isNotEmpty()
          .allMatch(p -> p.width() > 0 && p.height() > 0 && !p.widths().isEmpty());
    }
  }

  @Test
  void demoCanBeSwitchedOff() {
    try (ConfigurableApplicationContext app = start("--diwan.demo=false")) {
      assertThat(app.getBean(Articles.class).isEmpty()).isTrue();
    }
  }

  private static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }
}
