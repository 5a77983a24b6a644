package org.diwan.comment.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentPage;
import org.diwan.comment.PublishedComments;
import org.diwan.site.Meters;
import org.diwan.storage.ChangeFeed;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approved-comments API's answers, serialised once and kept until a decision on one of the
 * article's comments (an approval, a rejection, a take-down) or an erasure changes them, on any
 * instance ({@link ChangeFeed}: the generations are read before the comments). Thread-safe.
 */
@Component
class PublishedCommentsJson {

  private record Key(long articleId, long after, int limit, boolean newestFirst) {}

  private record Entry(Generation generation, byte[] json) {}

  private final PublishedComments published;
  private final JsonMapper json;
  private final ChangeFeed changes;
  private final Cache<Key, Entry> cache = Caffeine.newBuilder().maximumSize(5_000).build();

  private final Meters.CacheLookups lookups;

  PublishedCommentsJson(
      PublishedComments published, JsonMapper json, ChangeFeed changes, MeterRegistry meters) {
    this.published = published;
    this.changes = changes;
    this.json = json;
    this.lookups = Meters.cache(meters, "comment-lists");
  }

  /**
   * The body of {@code GET /api/articles/{slug}/comments}: {@code {items, next, total}}, the
   * comments after comment {@code after} (0: from the start) in the order asked for.
   *
   * @throws NoSuchCommentPage when {@code after} is not one of the article's comments
   */
  byte[] page(long articleId, long after, int limit, boolean newestFirst) {
    Generation generation =
        new Generation(changes.everything(), changes.of(ChangeFeed.article(articleId)));
    Key key = new Key(articleId, after, limit, newestFirst);
    Entry cached = cache.getIfPresent(key);
    if (lookups.count(
        cached != null && changes.synced() && cached.generation().equals(generation))) {
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

  private record Generation(long everything, long article) {}
}
