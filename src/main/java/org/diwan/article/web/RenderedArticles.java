package org.diwan.article.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.diwan.site.FormTokens;
import org.diwan.site.Meters;
import org.diwan.storage.ChangeFeed;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Rendered article pages (each page of comments in each order apart), kept until a moderator's
 * decision (an approval, a rejection, a take-down) or an edit changes what they show. Thread-safe.
 *
 * <p>A page is cached in two halves around its comment form's CSRF token, so each reader still gets
 * their own token. Nothing stale is served: every entry records the {@link ChangeFeed} generations
 * of its article and of the whole site, both read before the page's data, and is used only while
 * both are unchanged and the feed is in sync, on this instance and every other.
 *
 * <p>Each render keeps a digest of its bytes, the page's validator with the reader's own token
 * ({@link Page#validation}): browsers keep the page and revalidate it, and get a 304 while both are
 * unchanged.
 */
@Component
class RenderedArticles {

  private static final int MAX_PAGES = 2_000;

  /**
   * A rendered page: the bytes before and after the token ({@code tail} null when the page has no
   * form), a digest of both, and the generations it was made at.
   */
  public record Page(
      long articleId,
      long articleGeneration,
      long editGeneration,
      byte[] head,
      byte[] tail,
      String digest) {

    Page(long articleId, long articleGeneration, long editGeneration, byte[] head, byte[] tail) {
      this(articleId, articleGeneration, editGeneration, head, tail, sha256(head, tail));
    }

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

    /** Whether the page holds the comment form, and so a token of the reader's own. */
    public boolean hasForm() {
      return tail != null;
    }

    /**
     * The page's validator as sent to a reader whose stored CSRF token is {@code storedToken}: the
     * render's digest, and for a page with a form the token too, hashed (an ETag is no place for a
     * secret). Weak, since the masked token makes no two answers alike byte for byte; equal
     * whenever the reader's copy still shows what the site would send and its form still posts.
     */
    public String etag(String storedToken) {
      String tag =
          hasForm()
              ? sha256(
                  digest.getBytes(StandardCharsets.UTF_8),
                  storedToken.getBytes(StandardCharsets.UTF_8))
              : digest;
      return "W/\"" + tag + "\"";
    }

    /**
     * The headers that let a browser keep the page and ask again each time: its {@link #etag} for
     * this request's reader, {@code no-cache}, {@code Vary: Accept-Encoding} (the server
     * compresses), and for a page with the form {@code private} and {@code Vary: Cookie}, since the
     * cookie holds the reader's token. Sent with a 304 as with the page. Throws when the request
     * passed no CSRF protection, for a form without it could not post.
     */
    public HttpHeaders validation(HttpServletRequest request) {
      HttpHeaders headers = new HttpHeaders();
      if (hasForm()) {
        String stored =
            FormTokens.stored(request)
                .orElseThrow(() -> new IllegalStateException("No CSRF token for a form"));
        headers.setETag(etag(stored));
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        headers.setVary(List.of(HttpHeaders.COOKIE, HttpHeaders.ACCEPT_ENCODING));
      } else {
        headers.setETag(etag(""));
        headers.setCacheControl(CacheControl.noCache());
        headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
      }
      return headers;
    }

    private static String sha256(byte[] first, byte[] second) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(first);
        if (second != null) {
          sha.update((byte) 0);
          sha.update(second);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final TemplateEngine templates;
  private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).build();
  private final ChangeFeed changes;
  // Unguessable, so no article text can contain it.
  private final String placeholder = "csrf-" + UUID.randomUUID();

  private final Meters.CacheLookups lookups;

  RenderedArticles(TemplateEngine templates, ChangeFeed changes, MeterRegistry meters) {
    this.templates = templates;
    this.changes = changes;
    this.lookups = Meters.cache(meters, "article-pages");
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
    if (lookups.count(
        cached != null
            && changes.synced()
            && cached.editGeneration() == changes.everything()
            && cached.articleGeneration() == changes.of(ChangeFeed.article(cached.articleId())))) {
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
