package org.diwan.article.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.diwan.article.Article;
import org.diwan.article.ArticleUpdated;
import org.diwan.article.Articles;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.CommentTargets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the comment module about the articles comments are posted under. Answers are kept until the
 * next article change commits (every change is an {@link ArticleUpdated}); an answer loaded while a
 * change was under way is never used after it.
 */
@Component
class ArticleCommentTargets implements CommentTargets {

  private static final int MAX_KEPT = 10_000;

  private record Kept(long generation, Optional<CommentTarget> target) {}

  private final Articles articles;
  private final Cache<Object, Kept> kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).build();
  private final AtomicLong generation = new AtomicLong();

  ArticleCommentTargets(Articles articles) {
    this.articles = articles;
  }

  @Override
  public Optional<CommentTarget> bySlug(String slug) {
    return cached(slug, () -> articles.find(slug).map(ArticleCommentTargets::target));
  }

  @Override
  public Optional<CommentTarget> byId(long articleId) {
    return cached(articleId, () -> articles.find(articleId).map(ArticleCommentTargets::target));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ArticleUpdated updated) {
    generation.incrementAndGet();
    kept.invalidateAll();
  }

  private Optional<CommentTarget> cached(Object key, Supplier<Optional<CommentTarget>> load) {
    long now = generation.get();
    Kept hit = kept.getIfPresent(key);
    if (hit != null && hit.generation() == now) {
      return hit.target();
    }
    Optional<CommentTarget> loaded = load.get();
    kept.put(key, new Kept(now, loaded));
    return loaded;
  }

  private static CommentTarget target(Article a) {
    return new CommentTarget(
        a.id(), a.slug(), a.headline(), a.commentsOpen(), a.body(), a.language());
  }
}
