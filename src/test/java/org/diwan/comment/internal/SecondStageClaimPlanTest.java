package org.diwan.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second stage's claim reads the partial index of the backlog on SQLite. Scanning the table
 * instead costs a claim every comment already read, inside SQLite's one write lock, so a site with
 * a long history drained ever slower and held back submissions (seen at 134,000 comments).
 */
@OnSqlite
class SecondStageClaimPlanTest {

  @Autowired JdbcClient jdbc;

  @Test
  void theClaimReadsTheBacklogsIndexNotTheWholeTable() {
    List<String> plan =
        jdbc.sql("EXPLAIN QUERY PLAN " + CommentRepository.claimSql(true))
            .params(1L, 0L, 16, 0L)
            .query((rs, n) -> rs.getString("detail"))
            .list();

    assertThat(plan).anyMatch(step -> step.contains("USING INDEX comment_screening_second_stage"));
    assertThat(plan).noneMatch(step -> step.equals("SCAN comment_screening"));
  }
}
