package org.diwan.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.diwan.article.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sections in plain SQL for SQLite and PostgreSQL alike. */
@Repository
public class SectionRepository {

  private static final String COLUMNS = "id, language, slug, name, position";

  private final JdbcClient jdbc;

  SectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every section of every edition, by edition and then in menu order. */
  public List<Section> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM section ORDER BY language, position, id")
        .query(SectionRepository::row)
        .list();
  }

  public Optional<Section> find(String language, String slug) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE language = ? AND slug = ?")
        .params(language, slug)
        .query(SectionRepository::row)
        .optional();
  }

  public Optional<Section> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE id = ?")
        .param(id)
        .query(SectionRepository::row)
        .optional();
  }

  public long insert(String language, String slug, String name) {
    int position =
        jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM section WHERE language = ?")
            .param(language)
            .query(Integer.class)
            .single();
    return jdbc.sql(
            "INSERT INTO section (language, slug, name, position) VALUES (?, ?, ?, ?) RETURNING id")
        .params(language, slug, name, position)
        .query(Long.class)
        .single();
  }

  public void rename(long id, String name) {
    jdbc.sql("UPDATE section SET name = ? WHERE id = ?").params(name, id).update();
  }

  public void setPosition(long id, int position) {
    jdbc.sql("UPDATE section SET position = ? WHERE id = ?").params(position, id).update();
  }

  public void delete(long id) {
    jdbc.sql("DELETE FROM section WHERE id = ?").param(id).update();
  }

  /** How many articles, drafts included, are filed under the section. */
  public long articleCount(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM article WHERE section_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  public void file(long articleId, Long sectionId) {
    jdbc.sql("UPDATE article SET section_id = ? WHERE id = ?")
        .params(sectionId, articleId)
        .update();
  }

  static Section row(ResultSet rs, int n) throws SQLException {
    return new Section(
        rs.getLong("id"),
        rs.getString("language"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getInt("position"));
  }
}
