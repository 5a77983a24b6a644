package org.diwan.embed.internal;

import java.time.Instant;
import java.util.List;
import org.diwan.embed.EmbedSite;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The allowed origins, in SQL that runs on SQLite and PostgreSQL alike. */
@Repository
public class EmbedSiteRepository {

  private final JdbcClient jdbc;

  EmbedSiteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<EmbedSite> all() {
    return jdbc.sql("SELECT origin, added_at, added_by FROM embed_site ORDER BY origin")
        .query(
            (rs, n) ->
                new EmbedSite(
                    rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)))
        .list();
  }

  public boolean contains(String origin) {
    return jdbc.sql("SELECT COUNT(*) FROM embed_site WHERE origin = ?")
            .param(origin)
            .query(Long.class)
            .single()
        > 0;
  }

  public void add(String origin, Instant at, String actor) {
    jdbc.sql("INSERT INTO embed_site (origin, added_at, added_by) VALUES (?, ?, ?)")
        .params(origin, at.toEpochMilli(), actor)
        .update();
  }

  public boolean remove(String origin) {
    return jdbc.sql("DELETE FROM embed_site WHERE origin = ?").param(origin).update() > 0;
  }
}
