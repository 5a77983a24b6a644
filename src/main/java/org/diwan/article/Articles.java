package org.diwan.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds and publishes articles. Reads never throw for a missing article: they return empty; the
 * {@code get} forms throw {@link ArticleNotFound}. Thread-safe.
 */
@Service
public class Articles {

  /** The most a page of articles may hold, in pages and in the API. */
  public static final int MAX_PAGE_SIZE = 100;

  private final ArticleRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Articles(ArticleRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  public Optional<Article> find(String slug) {
    return repository.findBySlug(slug);
  }

  public Article get(String slug) {
    return find(slug).orElseThrow(() -> new ArticleNotFound(slug));
  }

  public Optional<Article> find(long id) {
    return repository.findById(id);
  }

  /** Newest first; {@code size} is capped at {@link #MAX_PAGE_SIZE}. */
  public List<Article> newest(int page, int size) {
    int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    return repository.newest(limit, Math.max(0, page) * limit);
  }

  public Optional<TagPage> tagged(String tagSlug) {
    return repository
        .tagName(tagSlug)
        .map(name -> new TagPage(new Tag(tagSlug, name), repository.taggedNewest(tagSlug, 200)));
  }

  public Optional<Photo> photo(String fileName) {
    return repository.photo(fileName);
  }

  public boolean isEmpty() {
    return repository.count() == 0;
  }

  /** Publishes an article; a slug made from the headline gets a number when it is taken. */
  @Transactional
  public Article publish(NewArticle article) {
    String base =
        article.slug() == null || article.slug().isBlank()
            ? Tag.Slugs.of(article.headline())
            : Tag.Slugs.of(article.slug());
    String slug = base.isEmpty() ? "article" : base;
    for (int n = 2; repository.slugTaken(slug); n++) {
      slug = base + "-" + n;
    }
    Instant at = article.publishedAt() != null ? article.publishedAt() : clock.instant();
    long id = repository.insert(article, slug, at);
    return repository.findById(id).orElseThrow();
  }

  /** Changes a published article's headline and body and records when ("Updated at"). */
  @Transactional
  public Article revise(String slug, String headline, String body) {
    Article article = get(slug);
    repository.revise(article.id(), headline, body, clock.instant());
    events.publishEvent(new ArticleUpdated(article.id(), slug));
    return repository.findById(article.id()).orElseThrow();
  }

  @Transactional
  public void setCommentsOpen(String slug, boolean open) {
    Article article = get(slug);
    repository.setCommentsOpen(article.id(), open);
    events.publishEvent(new ArticleUpdated(article.id(), slug));
  }

  /** A tag and the articles filed under it, newest first. */
  public record TagPage(Tag tag, List<Article> articles) {
    public String title() {
      return tag.name().substring(0, 1).toUpperCase(Locale.ROOT) + tag.name().substring(1);
    }
  }
}
