package org.diwan.comment;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a reader's comment, checks it and stores it, pending moderation. Thread-safe.
 *
 * <p>The article is checked first (unknown: {@link CommentTargetNotFound}; closed: {@link
 * ArticleClosedForComments}), then the fields ({@link InvalidComment}). A comment that passes is
 * screened ({@link CommentScreening}) and written with its screening result in one transaction, so
 * a refused submission leaves nothing behind.
 */
@Service
public class CommentSubmission {

  /** How long the same text from the same email counts as a repeat. */
  static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofMinutes(10);

  private final CommentTargets targets;
  private final CommentRepository repository;
  private final CommentScreening screening;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CommentSubmission(
      CommentTargets targets,
      CommentRepository repository,
      CommentScreening screening,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.targets = targets;
    this.repository = repository;
    this.screening = screening;
    this.transaction = new TransactionTemplate(transactions);
    this.events = events;
    this.clock = clock;
  }

  public SubmittedComment submit(SubmitComment submission) {
    CommentTarget target =
        targets
            .bySlug(submission.articleSlug())
            .orElseThrow(() -> new CommentTargetNotFound(submission.articleSlug()));
    if (!target.commentsOpen()) {
      throw new ArticleClosedForComments(target.slug());
    }
    CommentDraft draft = CommentDraft.of(submission);
    // Screened before the transaction: it needs no database and holds no lock.
    ScreeningSummary screened = screening.screen(draft, target);
    String token = CommentTokens.generate();
    Instant now = clock.instant();
    long id =
        transaction.execute(
            status -> {
              if (repository.recentlyPosted(
                  draft.email(), draft.text(), now.minus(DUPLICATE_WINDOW))) {
                throw new DuplicateComment();
              }
              long stored =
                  repository.insert(target.articleId(), CommentTokens.hash(token), draft, now);
              repository.insertScreening(stored, screened);
              events.publishEvent(new CommentSubmitted(stored, target.articleId(), screened));
              return stored;
            });
    return new SubmittedComment(id, token, CommentStatus.PENDING);
  }
}
