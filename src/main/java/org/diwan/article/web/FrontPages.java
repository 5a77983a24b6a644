package org.diwan.article.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.diwan.article.Article;
import org.diwan.site.Meters;
import org.diwan.storage.ChangeFeed;
import org.springframework.stereotype.Component;

/**
 * The stories each edition's front page shows, kept between requests: choosing them reads a list
 * per section besides the newest and the most read, and they change only when an article or a
 * section does (the {@link ChangeFeed}'s site-wide generation, read before the stories, as every
 * cache here does) or, for the most read, when read counts are next written (every 30 seconds,
 * hence the same expiry). Comment counts are not kept here: they move with every approval and have
 * a cache of their own.
 */
@Component
class FrontPages {

  /** What the front page shows, but for its comment counts. */
  record Stories(
      Article lead,
      List<FrontPage.Block> sections,
      List<Article> latest,
      List<Article> mostRead,
      boolean hasMore) {}

  private record Kept(long generation, Stories stories) {}

  private final ChangeFeed changes;
  private final Cache<String, Kept> kept =
      Caffeine.newBuilder().maximumSize(64).expireAfterWrite(Duration.ofSeconds(30)).build();

  private final Meters.CacheLookups lookups;

  FrontPages(ChangeFeed changes, MeterRegistry meters) {
    this.changes = changes;
    this.lookups = Meters.cache(meters, "front-pages");
  }

  /** The stories of edition {@code lang}, chosen by {@code choose} when none current are kept. */
  Stories of(String lang, Supplier<Stories> choose) {
    Kept current = kept.getIfPresent(lang);
    if (lookups.count(
        current != null && changes.synced() && current.generation() == changes.everything())) {
      return current.stories();
    }
    long generation = changes.everything();
    Stories stories = choose.get();
    kept.put(lang, new Kept(generation, stories));
    return stories;
  }
}
