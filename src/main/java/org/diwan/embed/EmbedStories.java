package org.diwan.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.site.Texts;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The Diwan article behind each embedded story: found by the host page's id or address, or created
 * on first sight from an allowed origin, as an external article. Invented addresses cannot flood
 * the database: only http(s) addresses on the origin itself, of bounded length, and at most {@link
 * #PER_ORIGIN} new stories an hour per origin and {@link #PER_CLIENT} per reader's address.
 */
@Service
public class EmbedStories {

  static final int PER_ORIGIN = 200;
  static final int PER_CLIENT = 20;
  static final int MAX_TITLE = 200;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
  private static final long HOUR = Duration.ofHours(1).toMillis();

  private final Articles articles;
  private final Clock clock;
  private final Cache<String, AtomicInteger> created =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(2)).maximumSize(100_000).build();

  EmbedStories(Articles articles, Clock clock) {
    this.articles = articles;
    this.clock = clock;
  }

  /** A host page as the embed names it, checked. */
  public record Story(String origin, String url, String key, String headline, String language) {}

  /**
   * The story named by the host element, checked against its (allowed) origin.
   *
   * @throws InvalidEmbed for an address off the origin, too long, or an unreadable id
   */
  public static Story story(String origin, String url, String id, String title, String lang) {
    String page = Origins.pageOf(origin, url);
    String key = null;
    if (id != null && !id.isBlank()) {
      if (!ID.matcher(id.strip()).matches()) {
        throw new InvalidEmbed(
            "data-diwan-id may hold up to 100 letters, digits and . _ : / - only.");
      }
      key = origin + " " + id.strip();
    }
    String headline = title == null ? "" : title.strip();
    if (headline.isEmpty()) {
      headline = page.substring(origin.length());
      headline = headline.isEmpty() || headline.equals("/") ? origin : origin + headline;
    }
    if (headline.length() > MAX_TITLE) {
      headline = headline.substring(0, MAX_TITLE);
    }
    return new Story(origin, page, key, headline, language(lang));
  }

  /** One of Diwan's editions, or the default one. */
  public static String language(String lang) {
    return Texts.find(lang == null ? "" : lang.strip()).orElse(Texts.defaultEdition()).lang();
  }

  /** The story's article, if it has one. */
  public Optional<Article> find(Story story) {
    return articles.findExternal(story.url(), story.key());
  }

  /**
   * The story's article, created on first sight.
   *
   * @throws InvalidEmbed when the origin or the client created too many stories this hour
   */
  public Article findOrCreate(Story story, String client) {
    Optional<Article> found = find(story);
    if (found.isPresent()) {
      return found.get();
    }
    long hour = clock.millis() / HOUR;
    if (count("o " + story.origin() + " " + hour) > PER_ORIGIN
        || count("c " + client + " " + hour) > PER_CLIENT) {
      throw new InvalidEmbed(
          "Too many new stories from this site in the last hour; try again later.");
    }
    try {
      return articles.createExternal(story.url(), story.key(), story.headline(), story.language());
    } catch (DataIntegrityViolationException raced) { // another view created it first
      return find(story).orElseThrow(() -> raced);
    }
  }

  private int count(String key) {
    return created.get(key, k -> new AtomicInteger()).incrementAndGet();
  }
}
