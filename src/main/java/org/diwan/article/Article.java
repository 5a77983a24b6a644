package org.diwan.article;

import java.time.Instant;
import java.util.List;

/**
 * A published article as readers see it. {@code updatedAt} is null unless the article changed after
 * publication; {@code body} is the article's markup (see {@link ArticleBody}); {@code section} is
 * null for an article filed under none.
 */
public record Article(
    long id,
    String slug,
    String headline,
    String source,
    String dateline,
    String body,
    String language,
    Instant publishedAt,
    Instant updatedAt,
    boolean commentsOpen,
    boolean published,
    List<Tag> tags,
    List<Photo> photos,
    Section section) {

  /** From the language: a supported one's own, or for older tags the script's. */
  public TextDirection direction() {
    return Language.of(language)
        .map(Language::direction)
        .orElseGet(() -> TextDirection.of(language));
  }

  public List<ArticleBody.Block> blocks() {
    return ArticleBody.parse(body);
  }

  /** The first paragraph, for listings, feeds and link previews. */
  public String summary() {
    return blocks().stream()
        .filter(ArticleBody.Paragraph.class::isInstance)
        .map(b -> ((ArticleBody.Paragraph) b).text())
        .findFirst()
        .orElse("");
  }

  public String path() {
    return "/articles/" + slug;
  }

  /** A tag's page in this article's edition, or across editions for a language Diwan lacks. */
  public String tagPath(Tag tag) {
    return Language.of(language).map(l -> "/" + l.code() + tag.path()).orElse(tag.path());
  }

  /** When the article last changed: its update time, or its publication time. */
  public Instant lastChanged() {
    return updatedAt != null ? updatedAt : publishedAt;
  }
}
