package org.diwan.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.NewArticle;
import org.diwan.article.Photo;
import org.diwan.article.Section;
import org.diwan.article.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles, their tags and photos in plain SQL that runs on SQLite and PostgreSQL alike. */
@Repository
public class ArticleRepository {

  private static final String COLUMNS =
      "a.id, a.slug, a.headline, a.source, a.dateline, a.body, a.language, a.published_at,"
          + " a.updated_at, a.comments_open, a.published, sec.id AS sec_id, sec.language AS sec_language,"
          + " sec.slug AS sec_slug, sec.name AS sec_name, sec.position AS sec_position";

  private final JdbcClient jdbc;

  ArticleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Article> findBySlug(String slug, boolean includeDrafts) {
    return withDetails(
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id WHERE a.slug = ?"
                        + (includeDrafts ? "" : " AND a.published = ?"))
                .params(includeDrafts ? List.of(slug) : List.of(slug, true))
                .query(ArticleRepository::row)
                .list())
        .stream()
        .findFirst();
  }

  public Optional<Article> findById(long id) {
    return withDetails(
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id WHERE a.id = ?")
                .param(id)
                .query(ArticleRepository::row)
                .list())
        .stream()
        .findFirst();
  }

  /**
   * A published article, or an external one (a story of a site that embeds Diwan's comments, never
   * published here): what comments may be posted under.
   */
  public Optional<Article> findCommentable(String slug) {
    return withDetails(
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id WHERE a.slug = ?"
                        + " AND (a.published = ? OR a.external_url IS NOT NULL)")
                .params(slug, true)
                .query(ArticleRepository::row)
                .list())
        .stream()
        .findFirst();
  }

  /** The external article for a host page's URL, or for its key when the page named an id. */
  public Optional<Long> findExternal(String url, String key) {
    return jdbc.sql(
            "SELECT id FROM article WHERE external_url = ?"
                + (key == null ? "" : " OR external_key = ?")
                + " ORDER BY id LIMIT 1")
        .params(key == null ? List.of(url) : List.of(url, key))
        .query(Long.class)
        .optional();
  }

  /** Marks an (unpublished) article as a host page's story. */
  public void markExternal(long id, String url, String key) {
    jdbc.sql("UPDATE article SET external_url = ?, external_key = ? WHERE id = ?")
        .params(url, key, id)
        .update();
  }

  /** The host page an external article stands for; empty for Diwan's own articles. */
  public Optional<String> externalUrl(long id) {
    return jdbc.sql("SELECT external_url FROM article WHERE id = ? AND external_url IS NOT NULL")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Published articles newest first, in one language or ({@code language} null) in all. */
  public List<Article> newest(String language, int limit, int offset) {
    List<Object> params = new ArrayList<>(List.of(true));
    if (language != null) {
      params.add(language);
    }
    params.addAll(List.of(limit, offset));
    return withDetails(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id WHERE a.published = ?"
                    + (language == null ? "" : " AND a.language = ?")
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?")
            .params(params)
            .query(ArticleRepository::row)
            .list());
  }

  /** The other articles that tell the same story in other languages, published or all. */
  public List<Article> translations(long id, boolean includeDrafts) {
    return withDetails(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id WHERE a.story = (SELECT s.story FROM article s WHERE s.id = ?)"
                    + " AND a.id <> ?"
                    + (includeDrafts ? "" : " AND a.published = ?")
                    + " ORDER BY a.language")
            .params(includeDrafts ? List.of(id, id) : List.of(id, id, true))
            .query(ArticleRepository::row)
            .list());
  }

  /** The story key of an article, if it is linked to translations. */
  public Optional<String> story(long id) {
    return jdbc.sql("SELECT story FROM article WHERE id = ? AND story IS NOT NULL")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** The languages of the articles in a story, drafts included. */
  public List<String> storyLanguages(String story) {
    return jdbc.sql("SELECT language FROM article WHERE story = ?")
        .param(story)
        .query(String.class)
        .list();
  }

  /**
   * The slugs of every article in the same story as {@code id}, drafts included, but {@code id}.
   */
  public Map<Long, String> storyMates(long id) {
    Map<Long, String> mates = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT a.id, a.slug FROM article a"
                + " WHERE a.story = (SELECT s.story FROM article s WHERE s.id = ?) AND a.id <> ?")
        .params(id, id)
        .query((rs, n) -> mates.put(rs.getLong(1), rs.getString(2)))
        .list();
    return mates;
  }

  /** Each published article in a story of two or more, as (story, language, slug) rows. */
  public List<String[]> publishedStories() {
    return jdbc.sql(
            "SELECT story, language, slug FROM article WHERE story IS NOT NULL AND published = ?"
                + " ORDER BY story, language")
        .param(true)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .list();
  }

  /** Files {@code ids} under {@code story}. */
  public void setStory(List<Long> ids, String story) {
    for (long id : ids) {
      jdbc.sql("UPDATE article SET story = ? WHERE id = ?").params(story, id).update();
    }
  }

  /** Every article, drafts included, most recently created first: the editor's list. */
  public List<Article> all(int limit) {
    return withDetails(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id"
                    + " WHERE a.external_url IS NULL ORDER BY a.id DESC LIMIT ?")
            .param(limit)
            .query(ArticleRepository::row)
            .list());
  }

  /**
   * Published articles under a tag newest first, in one language or ({@code language} null) all.
   */
  public List<Article> taggedNewest(String tagSlug, String language, int limit, int offset) {
    List<Object> params = new ArrayList<>(List.of(tagSlug, true));
    if (language != null) {
      params.add(language);
    }
    params.add(limit);
    params.add(offset);
    return withDetails(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id JOIN article_tag t ON t.article_id = a.id"
                    + " WHERE t.slug = ? AND a.published = ?"
                    + (language == null ? "" : " AND a.language = ?")
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?")
            .params(params)
            .query(ArticleRepository::row)
            .list());
  }

  /** Published articles filed under a section, newest first. */
  public List<Article> inSection(long sectionId, int limit, int offset) {
    return withDetails(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id"
                    + " WHERE a.section_id = ? AND a.published = ?"
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?")
            .params(sectionId, true, limit, offset)
            .query(ArticleRepository::row)
            .list());
  }

  /**
   * Published articles of the same language sharing tags or the section with {@code article}: two
   * points per shared tag and one for the section, the newest first among equals.
   */
  public List<Article> related(Article article, int limit) {
    long section = article.section() == null ? -1 : article.section().id();
    return withDetails(
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + ", (2 * (SELECT COUNT(*) FROM article_tag mine JOIN article_tag theirs"
                    + " ON theirs.slug = mine.slug WHERE mine.article_id = ? AND theirs.article_id"
                    + " = a.id) + CASE WHEN a.section_id = ? THEN 1 ELSE 0 END) AS score"
                    + " FROM article a LEFT JOIN section sec ON sec.id = a.section_id"
                    + " WHERE a.published = ? AND a.language = ? AND a.id <> ?"
                    + " AND (a.section_id = ? OR a.id IN (SELECT theirs.article_id FROM article_tag"
                    + " mine JOIN article_tag theirs ON theirs.slug = mine.slug"
                    + " WHERE mine.article_id = ?))"
                    + " ORDER BY score DESC, a.published_at DESC, a.id DESC LIMIT ?")
            .params(
                article.id(),
                section,
                true,
                article.language(),
                article.id(),
                section,
                article.id(),
                limit)
            .query(ArticleRepository::row)
            .list());
  }

  public Optional<String> tagName(String tagSlug, String language) {
    List<Object> params = new ArrayList<>(List.of(tagSlug, true));
    if (language != null) {
      params.add(language);
    }
    return jdbc.sql(
            "SELECT t.name FROM article_tag t JOIN article a ON a.id = t.article_id"
                + " WHERE t.slug = ? AND a.published = ?"
                + (language == null ? "" : " AND a.language = ?")
                + " LIMIT 1")
        .params(params)
        .query(String.class)
        .optional();
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
  }

  public boolean slugTaken(String slug) {
    return jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = ?")
            .param(slug)
            .query(Long.class)
            .single()
        > 0;
  }

  public long insert(NewArticle article, String slug, Instant publishedAt) {
    long id =
        jdbc.sql(
                "INSERT INTO article (slug, headline, source, dateline, body, language,"
                    + " published_at, comments_open, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " RETURNING id")
            .params(
                slug,
                article.headline(),
                article.source(),
                article.dateline() == null ? "" : article.dateline(),
                article.body(),
                article.language(),
                publishedAt.toEpochMilli(),
                article.commentsOpen(),
                article.published())
            .query(Long.class)
            .single();
    replaceTags(id, article.tags());
    for (Photo photo : article.photos()) {
      addPhoto(id, photo);
    }
    return id;
  }

  /** Replaces an article's text and tags; {@code updatedAt} null leaves the stamp as it was. */
  public void revise(long id, ArticleEdit edit, Instant updatedAt) {
    jdbc.sql(
            "UPDATE article SET headline = ?, source = ?, dateline = ?, body = ?, language = ?,"
                + " updated_at = COALESCE(?, updated_at) WHERE id = ?")
        .params(
            edit.headline(),
            edit.source(),
            edit.dateline(),
            edit.body(),
            edit.language(),
            updatedAt == null ? null : updatedAt.toEpochMilli(),
            id)
        .update();
    replaceTags(id, edit.tags());
  }

  /** Publishing for the first time sets the publication time; unpublishing keeps it. */
  public void setPublished(long id, boolean published, Instant firstPublication) {
    jdbc.sql("UPDATE article SET published = ?, published_at = ? WHERE id = ?")
        .params(published, firstPublication.toEpochMilli(), id)
        .update();
  }

  public void addPhoto(long articleId, Photo photo) {
    int position =
        jdbc.sql("SELECT COUNT(*) FROM photo WHERE article_id = ?")
            .param(articleId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "INSERT INTO photo (article_id, position, file_name, content_type, caption, credit,"
                + " width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            articleId,
            position,
            photo.fileName(),
            photo.contentType(),
            photo.caption(),
            photo.credit(),
            photo.width() > 0 ? photo.width() : null,
            photo.height() > 0 ? photo.height() : null)
        .update();
  }

  private void replaceTags(long id, List<String> names) {
    jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(id).update();
    Set<String> seen = new HashSet<>();
    int position = 0;
    for (String name : names) {
      Tag tag = Tag.named(name);
      if (!tag.slug().isEmpty() && seen.add(tag.slug())) {
        jdbc.sql("INSERT INTO article_tag (article_id, slug, name, position) VALUES (?, ?, ?, ?)")
            .params(id, tag.slug(), tag.name(), position++)
            .update();
      }
    }
  }

  public boolean setCommentsOpen(long id, boolean open) {
    return jdbc.sql("UPDATE article SET comments_open = ? WHERE id = ?").params(open, id).update()
        == 1;
  }

  public Optional<Photo> photo(String fileName) {
    return jdbc.sql(
            "SELECT p.file_name, p.content_type, p.caption, p.credit, p.width, p.height FROM photo p"
                + " JOIN article a ON a.id = p.article_id WHERE p.file_name = ? AND a.published = ?")
        .params(fileName, true)
        .query(ArticleRepository::photoRow)
        .optional();
  }

  /** Loads tags and photos for a page of articles in two queries, not two per article. */
  private List<Article> withDetails(List<Article> articles) {
    if (articles.isEmpty()) {
      return articles;
    }
    List<Long> ids = articles.stream().map(Article::id).toList();
    String in = String.join(",", ids.stream().map(id -> "?").toList());
    Map<Long, List<Tag>> tags = new HashMap<>();
    jdbc.sql(
            "SELECT article_id, slug, name FROM article_tag WHERE article_id IN ("
                + in
                + ") ORDER BY position")
        .params(ids)
        .query(
            rs -> {
              tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(new Tag(rs.getString(2), rs.getString(3)));
            });
    Map<Long, List<Photo>> photos = new HashMap<>();
    jdbc.sql(
            "SELECT article_id, file_name, content_type, caption, credit, width, height FROM photo"
                + " WHERE article_id IN ("
                + in
                + ") ORDER BY position")
        .params(ids)
        .query(
            rs -> {
              photos
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Photo(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getInt(6),
                          rs.getInt(7)));
            });
    return articles.stream()
        .map(
            a ->
                new Article(
                    a.id(),
                    a.slug(),
                    a.headline(),
                    a.source(),
                    a.dateline(),
                    a.body(),
                    a.language(),
                    a.publishedAt(),
                    a.updatedAt(),
                    a.commentsOpen(),
                    a.published(),
                    List.copyOf(tags.getOrDefault(a.id(), List.of())),
                    List.copyOf(photos.getOrDefault(a.id(), List.of())),
                    a.section()))
        .toList();
  }

  private static Article row(ResultSet rs, int n) throws SQLException {
    long updated = rs.getLong("updated_at");
    Instant updatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(updated);
    return new Article(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("headline"),
        rs.getString("source"),
        rs.getString("dateline"),
        rs.getString("body"),
        rs.getString("language"),
        Instant.ofEpochMilli(rs.getLong("published_at")),
        updatedAt,
        rs.getBoolean("comments_open"),
        rs.getBoolean("published"),
        List.of(),
        List.of(),
        section(rs));
  }

  private static Section section(ResultSet rs) throws SQLException {
    long id = rs.getLong("sec_id");
    if (rs.wasNull()) {
      return null;
    }
    return new Section(
        id,
        rs.getString("sec_language"),
        rs.getString("sec_slug"),
        rs.getString("sec_name"),
        rs.getInt("sec_position"));
  }

  private static Photo photoRow(ResultSet rs, int n) throws SQLException {
    return new Photo(
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getString("caption"),
        rs.getString("credit"),
        rs.getInt("width"),
        rs.getInt("height"));
  }
}
