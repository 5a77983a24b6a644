package org.diwan.article.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Supplier;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.CommentTargets;
import org.diwan.storage.ChangeFeed;
import org.springframework.stereotype.Component;

/**
 * Tells the comment module about the articles comments are posted under. Answers are kept until the
 * next article change commits on any instance (every change moves the {@link ChangeFeed} on); an
 * answer loaded while a change was under way is never used after it.
 */
@Component
class ArticleCommentTargets implements CommentTargets {

  private static final int MAX_KEPT = 10_000;

  private record Kept(long generation, Optional<CommentTarget> target) {}

  private final Articles articles;
  private final Cache<Object, Kept> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();
  private final ChangeFeed changes;

  ArticleCommentTargets(Articles articles, ChangeFeed changes) {
    this.articles = articles;
    this.changes = changes;
  }

  @Override
  public Optional<CommentTarget> bySlug(String slug) {
    return cached(slug, () -> articles.findCommentable(slug).map(this::target));
  }

  @Override
  public Optional<CommentTarget> byId(long articleId) {
    return cached(articleId, () -> articles.find(articleId).map(this::target));
  }

  private Optional<CommentTarget> cached(Object key, Supplier<Optional<CommentTarget>> load) {
    long now = changes.everything();
    Kept hit = kept.getIfPresent(key);
    if (hit != null && changes.synced() && hit.generation() == now) {
      return hit.target();
    }
    Optional<CommentTarget> loaded = load.get();
    kept.put(key, new Kept(now, loaded));
    return loaded;
  }

  private CommentTarget target(Article a) {
    return new CommentTarget(
        a.id(),
        a.slug(),
        a.headline(),
        a.commentsOpen(),
        a.body(),
        a.language(),
        a.published() ? null : articles.externalUrl(a.id()).orElse(null));
  }
}
