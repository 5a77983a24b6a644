package org.diwan.comment.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.diwan.comment.CommentApproved;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentPage;
import org.diwan.comment.CommentRejected;
import org.diwan.comment.CommentRemoved;
import org.diwan.comment.CommenterErased;
import org.diwan.comment.CommentsImported;
import org.diwan.comment.PublishedComments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approved-comments API's answers, serialised once and kept until a decision on one of the
 * article's comments (an approval, a rejection, a take-down) or an erasure changes them. Never
 * stale: the generation is read before the comments, and bumped after the change commits, before
 * the deciding request returns. Thread-safe.
 */
@Component
class PublishedCommentsJson {

  private record Key(long articleId, long after, int limit, boolean newestFirst) {}

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

  /**
   * The body of {@code GET /api/articles/{slug}/comments}: {@code {items, next, total}}, the
   * comments after comment {@code after} (0: from the start) in the order asked for.
   *
   * @throws NoSuchCommentPage when {@code after} is not one of the article's comments
   */
  byte[] page(long articleId, long after, int limit, boolean newestFirst) {
    long generation = generation(articleId);
    Key key = new Key(articleId, after, limit, newestFirst);
    Entry cached = cache.getIfPresent(key);
    if (cached != null && cached.generation() == generation) {
      return cached.json();
    }
    CommentPage page =
        published.page(
            articleId,
            newestFirst,
            after == 0 ? CommentCursor.FIRST : CommentCursor.after(after),
            limit,
            "after");
    Long next = page.next() == null ? null : page.next().commentId();
    byte[] body =
        json.writeValueAsBytes(new CommentApi.CommentList(page.comments(), next, page.total()));
    cache.put(key, new Entry(generation, body));
    return body;
  }

  private long generation(long articleId) {
    return erasures.get() * 1_000_003L
        + generations.computeIfAbsent(articleId, id -> new AtomicLong()).get();
  }

  /** After a change to what the article's pages show: its kept answers are not used again. */
  private void changed(long articleId) {
    generations.computeIfAbsent(articleId, id -> new AtomicLong()).incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentApproved approved) {
    changed(approved.articleId());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentRejected rejected) {
    changed(rejected.articleId());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentRemoved removed) {
    changed(removed.articleId());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentsImported imported) {
    imported.comments().forEach(c -> changed(c.articleId()));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommenterErased erased) {
    erasures.incrementAndGet();
    cache.invalidateAll();
  }
}
