package org.diwan.article.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.diwan.article.SearchText;
import org.diwan.storage.Deployment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The full-text index of articles' headlines and bodies: SQLite's FTS5 on the embedded file,
 * PostgreSQL's text search on a shared database. Both index the {@link SearchText#fold folded}
 * text, so they agree on what a word is; the headline counts more than the body in the ranking.
 * Queries are built from folded words only (letters and digits), never from the reader's text, so
 * no search syntax ({@code "}, {@code *}, {@code NEAR}, {@code -}, {@code &}) reaches either
 * engine.
 */
@Repository
public class SearchIndex {

  private final JdbcClient jdbc;
  private final boolean postgres;

  SearchIndex(JdbcClient jdbc, Deployment deployment) {
    this.jdbc = jdbc;
    this.postgres = deployment.shared();
  }

  /** Indexes (or re-indexes) one article's current text. */
  public void put(long articleId, String headline, String body) {
    String h = SearchText.fold(headline);
    String b = SearchText.fold(body);
    if (postgres) {
      jdbc.sql(
              "INSERT INTO article_search (article_id, document) VALUES (?,"
                  + " setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple',"
                  + " ?), 'B')) ON CONFLICT (article_id) DO UPDATE SET document ="
                  + " EXCLUDED.document")
          .params(articleId, h, b)
          .update();
    } else {
      jdbc.sql("DELETE FROM article_search WHERE rowid = ?").param(articleId).update();
      jdbc.sql("INSERT INTO article_search (rowid, headline, body) VALUES (?, ?, ?)")
          .params(articleId, h, b)
          .update();
    }
  }

  /** Ids of articles not in the index yet (those stored before it existed), at most {@code n}. */
  public List<Long> missing(int n) {
    String indexed =
        postgres ? "SELECT article_id FROM article_search" : "SELECT rowid FROM article_search";
    return jdbc.sql("SELECT id FROM article WHERE id NOT IN (" + indexed + ") ORDER BY id LIMIT ?")
        .param(n)
        .query(Long.class)
        .list();
  }

  /**
   * The ids of published articles matching every term (a term of three letters or more also as the
   * start of a longer word), best first, in {@code language} or (null) in every language.
   */
  public List<Long> search(List<String> terms, String language, int limit, int offset) {
    if (terms.isEmpty()) {
      return List.of();
    }
    String lang = language == null ? "" : " AND a.language = ?";
    if (postgres) {
      String query =
          terms.stream()
              .map(t -> t.length() >= 3 ? t + ":*" : t)
              .collect(Collectors.joining(" & "));
      var sql =
          jdbc.sql(
                  "SELECT s.article_id FROM article_search s JOIN article a ON a.id = s.article_id,"
                      + " to_tsquery('simple', ?) q WHERE s.document @@ q AND a.published = ?"
                      + lang
                      + " ORDER BY ts_rank(s.document, q) DESC, a.published_at DESC LIMIT ? OFFSET ?")
              .param(query)
              .param(true);
      if (language != null) {
        sql = sql.param(language);
      }
      return sql.param(limit).param(offset).query(Long.class).list();
    }
    String match =
        terms.stream()
            .map(t -> "\"" + t + "\"" + (t.length() >= 3 ? "*" : ""))
            .collect(Collectors.joining(" "));
    var sql =
        jdbc.sql(
                "SELECT s.rowid FROM article_search s JOIN article a ON a.id = s.rowid"
                    + " WHERE article_search MATCH ? AND a.published = ?"
                    + lang
                    + " ORDER BY bm25(article_search, 4.0, 1.0), a.published_at DESC LIMIT ? OFFSET ?")
            .param(match)
            .param(true);
    if (language != null) {
      sql = sql.param(language);
    }
    return sql.param(limit).param(offset).query(Long.class).list();
  }
}
