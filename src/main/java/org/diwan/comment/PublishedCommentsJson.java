package org.diwan.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approved-comments API's answers, serialised once and kept until a decision on one of the
 * article's comments (or an erasure) changes them. Never stale: the generation is read before the
 * comments, and bumped after the change commits, before the deciding request returns. Thread-safe.
 */
@Component
class PublishedCommentsJson {

  private record Key(long articleId, long after, int limit) {}

  private record Entry(long generation, byte[] json) {}

  private final PublishedComments published;
  private final JsonMapper json;
  private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
  private final AtomicLong erasures = new AtomicLong();
  private final Cache<Key, Entry> cache = Caffeine.newBuilder().maximumSize(5_000).build();

  PublishedCommentsJson(PublishedComments published, JsonMapper json) {
    this.published = published;
    this.json = json;
  }

  /** The body of {@code GET /api/articles/{slug}/comments}: {@code {items, next}}. */
  byte[] page(long articleId, long after, int limit) {
    long generation = generation(articleId);
    Key key = new Key(articleId, after, limit);
    Entry cached = cache.getIfPresent(key);
    if (cached != null && cached.generation() == generation) {
      return cached.json();
    }
    List<PublishedComment> page = published.of(articleId, after, limit);
    Long next = page.size() < Math.max(1, limit) ? null : page.get(page.size() - 1).id();
    byte[] body = json.writeValueAsBytes(new CommentApi.CommentList(page, next));
    cache.put(key, new Entry(generation, body));
    return body;
  }

  private long generation(long articleId) {
    return erasures.get() * 1_000_003L
        + generations.computeIfAbsent(articleId, id -> new AtomicLong()).get();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentApproved approved) {
    generations.computeIfAbsent(approved.articleId(), id -> new AtomicLong()).incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentRejected rejected) {
    generations.computeIfAbsent(rejected.articleId(), id -> new AtomicLong()).incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommenterErased erased) {
    erasures.incrementAndGet();
    cache.invalidateAll();
  }
}
