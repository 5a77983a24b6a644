package org.diwan.importer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which article or comment each source id of an origin became ({@code import_source}); the primary
 * key makes a second import of one source id fail rather than store it twice.
 */
@Repository
public class ImportedIds {

  /** What a source id stands for. */
  public enum Kind {
    ARTICLE,
    COMMENT
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ImportedIds(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Source id to Diwan id, for every {@code kind} of {@code origin} imported so far. */
  public Map<String, Long> of(String origin, Kind kind) {
    Map<String, Long> ids = new HashMap<>();
    jdbc.sql("SELECT source_id, target_id FROM import_source WHERE origin = ? AND kind = ?")
        .params(origin, kind.name())
        .query((RowCallbackHandler) rs -> ids.put(rs.getString(1), rs.getLong(2)));
    return ids;
  }

  /** The source ids of every {@code kind} of {@code origin} imported so far. */
  public Set<String> sourceIds(String origin, Kind kind) {
    return new HashSet<>(of(origin, kind).keySet());
  }

  /** Records that {@code sourceIds} became {@code targetIds}, pairwise. */
  public void record(
      String origin, Kind kind, List<String> sourceIds, List<Long> targetIds, Instant at) {
    List<Object[]> rows = new ArrayList<>(sourceIds.size());
    for (int i = 0; i < sourceIds.size(); i++) {
      rows.add(
          new Object[] {
            origin, kind.name(), sourceIds.get(i), targetIds.get(i), at.toEpochMilli()
          });
    }
    template.batchUpdate(
        "INSERT INTO import_source (origin, kind, source_id, target_id, imported_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        rows);
  }
}
