package org.diwan.article.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.diwan.storage.ChangeFeed;
import org.springframework.stereotype.Component;

/**
 * Rendered article pages (each page of comments in each order apart), kept until a moderator's
 * decision (an approval, a rejection, a take-down) or an edit changes what they show. Thread-safe.
 *
 * <p>A page is cached in two halves around its comment form's CSRF token, so each reader still gets
 * their own token. Nothing stale is served: every entry records the {@link ChangeFeed} generations
 * of its article and of the whole site, both read before the page's data, and is used only while
 * both are unchanged and the feed is in sync, on this instance and every other.
 */
@Component
class RenderedArticles {

  private static final int MAX_PAGES = 2_000;

  /**
   * A rendered page: the bytes before and after the token ({@code tail} null when the page has no
   * form), and the generations it was made at.
   */
  public record Page(
      long articleId, long articleGeneration, long editGeneration, byte[] head, byte[] tail) {

    public byte[] with(String token) {
      if (tail == null) {
        return head;
      }
      byte[] middle = token.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(head.length + middle.length + tail.length);
      out.writeBytes(head);
      out.writeBytes(middle);
      out.writeBytes(tail);
      return out.toByteArray();
    }
  }

  private final TemplateEngine templates;
  private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).build();
  private final ChangeFeed changes;
  // Unguessable, so no article text can contain it.
  private final String placeholder = "csrf-" + UUID.randomUUID();

  RenderedArticles(TemplateEngine templates, ChangeFeed changes) {
    this.templates = templates;
    this.changes = changes;
  }

  /** The token the page must be rendered with, to be replaced by each reader's own. */
  public String placeholder() {
    return placeholder;
  }

  /**
   * The page for {@code key}, built by {@code load} and rendered when not cached or no longer
   * current. {@code load} must call {@link Generations#articleLoaded} after reading the article and
   * before reading its comments, and render the form with {@link #placeholder()} as the token.
   */
  public Page get(String key, Function<Generations, ArticlePage> load) {
    Page cached = pages.getIfPresent(key);
    if (cached != null
        && changes.synced()
        && cached.editGeneration() == changes.everything()
        && cached.articleGeneration() == changes.of(ChangeFeed.article(cached.articleId()))) {
      return cached;
    }
    long edits = changes.everything();
    Generations generations = new Generations(edits);
    ArticlePage page = load.apply(generations);
    Page rendered = render(page, generations.article(page.article().id()), edits);
    pages.put(key, rendered);
    return rendered;
  }

  /**
   * Reads the article generation at the right moment: after loading the article, before comments.
   */
  public final class Generations {
    private final long edits;
    private Long article;

    private Generations(long edits) {
      this.edits = edits;
    }

    /** Called once the article's id is known and before its comments are read. */
    public void articleLoaded(long articleId) {
      article = changes.of(ChangeFeed.article(articleId));
    }

    private long article(long articleId) {
      return article != null ? article : -1;
    }

    long edits() {
      return edits;
    }
  }

  private Page render(ArticlePage page, long articleGeneration, long edits) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    templates.render("article.jte", page, output);
    byte[] bytes = output.toByteArray();
    byte[] mark = placeholder.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, mark);
    if (at < 0) {
      // No comment form (comments closed): nothing per reader in it.
      return new Page(page.article().id(), articleGeneration, edits, bytes, null);
    }
    return new Page(
        page.article().id(),
        articleGeneration,
        edits,
        Arrays.copyOfRange(bytes, 0, at),
        Arrays.copyOfRange(bytes, at + mark.length, bytes.length));
  }

  private static int indexOf(byte[] bytes, byte[] mark) {
    outer:
    for (int i = bytes.length - mark.length; i >= 0; i--) {
      for (int j = 0; j < mark.length; j++) {
        if (bytes[i + j] != mark[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
