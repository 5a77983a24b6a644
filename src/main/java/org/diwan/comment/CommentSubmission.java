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
 * ArticleClosedForComments}), then the fields ({@link InvalidComment}). Only a comment that passes
 * every check is written, in one transaction, so a refused submission leaves nothing behind.
 */
@Service
public class CommentSubmission {

  private final CommentTargets targets;
  private final CommentRepository repository;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CommentSubmission(
      CommentTargets targets,
      CommentRepository repository,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.targets = targets;
    this.repository = repository;
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
    String token = CommentTokens.generate();
    Instant now = clock.instant();
    long id =
        transaction.execute(
            status -> {
              long stored =
                  repository.insert(target.articleId(), CommentTokens.hash(token), draft, now);
              events.publishEvent(new CommentSubmitted(stored, target.articleId()));
              return stored;
            });
    return new SubmittedComment(id, token, CommentStatus.PENDING);
  }
}
