package org.diwan.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.diwan.article.Articles;
import org.diwan.comment.CommentImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The load-test generator writes rows the site reads as its own, on either database. */
abstract class SampleDataContract {

  @Autowired Articles articleService;
  @Autowired CommentImport imports;
  @Autowired JdbcClient jdbc;

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void generatesArticlesCommentsScreeningsAndDecisions() {
    long articles = count("SELECT COUNT(*) FROM article");
    long comments = count("SELECT COUNT(*) FROM comment");
    long decisions = count("SELECT COUNT(*) FROM moderation_decision");

    long written =
        new SampleData(articleService, imports, Clock.systemUTC())
            .write(new SampleData.Options(3, 400, 0.25, List.of()));

    assertThat(written).isEqualTo(400);
    assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(articles + 3);
    assertThat(count("SELECT COUNT(*) FROM comment")).isEqualTo(comments + 400);
    long approved =
        count(
            "SELECT COUNT(*) FROM comment WHERE status = 'APPROVED'"
                + " AND id > (SELECT MAX(id) - 400 FROM comment)");
    assertThat(approved).isBetween(60L, 140L);
    assertThat(count("SELECT COUNT(*) FROM moderation_decision")).isEqualTo(decisions + approved);
    assertThat(
            count(
                "SELECT COUNT(*) FROM comment c JOIN comment_screening s ON s.comment_id = c.id"
                    + " WHERE c.id > (SELECT MAX(id) - 400 FROM comment)"))
        .isEqualTo(400);
    List<Boolean> open =
        jdbc.sql("SELECT comments_open FROM article ORDER BY id DESC LIMIT 3")
            .query(Boolean.class)
            .list();
    assertThat(open).containsOnly(true);
  }
}
