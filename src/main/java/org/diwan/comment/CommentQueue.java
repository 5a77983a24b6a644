package org.diwan.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.diwan.comment.internal.CommentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/** The moderators' view of comments: queues, a commenter's history, and queue figures. */
@Service
public class CommentQueue {

  public static final int MAX_PAGE = 200;

  private static final Duration COUNT_KEPT = Duration.ofSeconds(2);

  private record PendingCount(long changes, long countedAt, long count) {}

  private final CommentRepository repository;
  private final CommentTargets targets;
  private final AtomicLong queueChanges = new AtomicLong();
  private volatile PendingCount pending;
  private final Object counting = new Object();

  CommentQueue(CommentRepository repository, CommentTargets targets) {
    this.repository = repository;
    this.targets = targets;
  }

  /** A page of the queue; an unknown article slug gives an empty page. */
  public List<QueuedComment> find(QueueQuery query) {
    Long articleId = null;
    if (query.articleSlug() != null && !query.articleSlug().isBlank()) {
      Optional<CommentTarget> article = targets.bySlug(query.articleSlug().strip());
      if (article.isEmpty()) {
        return List.of();
      }
      articleId = article.get().articleId();
    }
    String email = query.email() == null || query.email().isBlank() ? null : query.email().strip();
    int limit = Math.max(1, Math.min(query.limit(), MAX_PAGE));
    return withArticles(repository.queue(query, articleId, email, limit));
  }

  public Optional<QueuedComment> find(long id) {
    return repository.screenedById(id).map(c -> withArticles(List.of(c)).get(0));
  }

  /** Earlier comments by the same email, newest first, for the moderator's judgement. */
  public List<QueuedComment> history(String email, long beforeId, int limit) {
    return withArticles(
        repository.history(email, beforeId, Math.min(limit, MAX_PAGE)).stream()
            .map(c -> new CommentRepository.Screened(c, null))
            .toList());
  }

  /**
   * The {@link #history} of each comment of a queue page, in the page's order, read in one query.
   */
  public List<List<QueuedComment>> histories(List<QueuedComment> page, int limit) {
    return repository
        .histories(
            page.stream().map(c -> new CommentRepository.HistoryOf(c.email(), c.id())).toList(),
            Math.min(limit, MAX_PAGE))
        .stream()
        .map(
            comments ->
                withArticles(
                    comments.stream().map(c -> new CommentRepository.Screened(c, null)).toList()))
        .toList();
  }

  /**
   * How many comments wait. Counting a deep queue takes a while, so the count is kept until a
   * comment is submitted or decided here, and at most {@link #COUNT_KEPT} (for other instances).
   */
  public long pendingCount() {
    PendingCount kept = current();
    if (kept != null) {
      return kept.count();
    }
    // One count at a time: pages arriving while it runs wait for it instead of counting too
    // (under load, every page arriving in the counting window used to start its own count).
    synchronized (counting) {
      kept = current();
      if (kept != null) {
        return kept.count();
      }
      long seen = queueChanges.get();
      long started = System.nanoTime();
      long count = repository.countByStatus(CommentStatus.PENDING);
      pending = new PendingCount(seen, started, count);
      return count;
    }
  }

  /** The kept count while no comment was submitted or decided since and it is recent enough. */
  private PendingCount current() {
    PendingCount kept = pending;
    return kept != null
            && kept.changes() == queueChanges.get()
            && System.nanoTime() - kept.countedAt() < COUNT_KEPT.toNanos()
        ? kept
        : null;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentSubmitted submitted) {
    queueChanges.incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentApproved approved) {
    queueChanges.incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentRejected rejected) {
    queueChanges.incrementAndGet();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentsImported imported) {
    queueChanges.incrementAndGet();
  }

  /** When the oldest comment still waiting was submitted; empty when none waits. */
  public Optional<Instant> oldestPending() {
    return repository.oldestPending();
  }

  /** How long each comment decided since {@code since} waited for its decision. */
  public List<Duration> waitsDecidedSince(Instant since) {
    return repository.waitsDecidedSince(since);
  }

  private List<QueuedComment> withArticles(List<CommentRepository.Screened> comments) {
    Map<Long, CommentTarget> articles = new HashMap<>();
    return comments.stream()
        .map(
            screened -> {
              Comment c = screened.comment();
              CommentTarget article =
                  articles.computeIfAbsent(
                      c.articleId(),
                      id ->
                          targets
                              .byId(id)
                              .orElse(
                                  new CommentTarget(id, "", "(article removed)", false, "", "")));
              return new QueuedComment(
                  c.id(),
                  article,
                  c.authorName(),
                  c.authorEmail(),
                  c.text(),
                  c.submittedAt(),
                  c.status(),
                  c.decidedAt(),
                  c.codes(),
                  c.note(),
                  c.removedAt(),
                  c.decidedAutomatically(),
                  screened.screening());
            })
        .toList();
  }
}
