package org.diwan.article.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.diwan.article.ArticleUpdated;
import org.diwan.comment.CommentApproved;
import org.diwan.comment.CommentRejected;
import org.diwan.comment.CommentRemoved;
import org.diwan.comment.CommenterErased;
import org.diwan.comment.CommentsImported;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered article pages (each page of comments in each order apart), kept until a moderator's
 * decision (an approval, a rejection, a take-down) or an edit changes what they show. Thread-safe.
 *
 * <p>A page is cached in two halves around its comment form's CSRF token, so each reader still gets
 * their own token. Nothing stale is ever served: every entry records the generation of its article
 * (bumped after each decision on one of its comments commits) and of all articles (bumped after
 * every edit), both read before the page's data, and is used only while both are unchanged. The
 * bump runs before the deciding request returns, so once a decision is confirmed every later
 * request renders afresh.
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
  private final Map<Long, Long> articleGenerations = new ConcurrentHashMap<>();
  private final AtomicLong editGeneration = new AtomicLong();
  // Unguessable, so no article text can contain it.
  private final String placeholder = "csrf-" + UUID.randomUUID();

  RenderedArticles(TemplateEngine templates) {
    this.templates = templates;
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
        && cached.editGeneration() == editGeneration.get()
        && cached.articleGeneration() == articleGenerations.getOrDefault(cached.articleId(), 0L)) {
      return cached;
    }
    long edits = editGeneration.get();
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
      article = articleGenerations.getOrDefault(articleId, 0L);
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

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentApproved approved) {
    articleGenerations.merge(approved.articleId(), 1L, Long::sum);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentRejected rejected) {
    articleGenerations.merge(rejected.articleId(), 1L, Long::sum);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentRemoved removed) {
    articleGenerations.merge(removed.articleId(), 1L, Long::sum);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentsImported imported) {
    imported.comments().forEach(c -> articleGenerations.merge(c.articleId(), 1L, Long::sum));
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommenterErased erased) {
    editGeneration.incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(ArticleUpdated updated) {
    editGeneration.incrementAndGet();
    articleGenerations.merge(updated.articleId(), 1L, Long::sum);
  }
}
