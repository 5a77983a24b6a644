package org.diwan.comment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.diwan.comment.internal.CommentDraft;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.comment.internal.CommentScreening;
import org.diwan.comment.internal.CommentTokens;
import org.diwan.comment.internal.DuplicateComment;
import org.diwan.comment.internal.GroupCommit;
import org.diwan.site.MailOffer;
import org.diwan.site.Meters;
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
 * a refused submission leaves nothing behind. A suspended address is refused ({@link
 * CommenterIsSuspended}). Submissions arriving together share that transaction ({@link
 * GroupCommit}): one commit for many, and {@code submit} still returns only once the caller's
 * comment is committed.
 */
@Service
public class CommentSubmission {

  /** How long the same text from the same email counts as a repeat. */
  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(10);

  private final CommentTargets targets;
  private final CommentRepository repository;
  private final CommentScreening screening;
  private final Suspensions suspensions;
  private final GroupCommit<NewRow, Long> commits;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final MailOffer notices;
  private final Timer screeningTime;

  CommentSubmission(
      CommentTargets targets,
      CommentRepository repository,
      CommentScreening screening,
      Suspensions suspensions,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock,
      MailOffer notices,
      MeterRegistry meters) {
    this.targets = targets;
    this.repository = repository;
    this.screening = screening;
    this.suspensions = suspensions;
    this.commits =
        new GroupCommit<>("comment-writer", new TransactionTemplate(transactions), Store::new);
    this.events = events;
    this.clock = clock;
    this.notices = notices;
    this.screeningTime = Meters.screeningTime(meters);
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
    suspensions.requireAllowed(draft.email());
    // Screened before the transaction: it needs no database and holds no lock.
    ScreeningSummary screened = screeningTime.record(() -> screening.screen(draft, target));
    Instant now = clock.instant();
    String token = CommentTokens.generate(now);
    long id =
        commits.write(
            new NewRow(
                target.articleId(),
                CommentTokens.key(token),
                draft,
                submission.emailMe() && notices.offered(),
                now,
                CommentRepository.ScreeningRow.of(screened)));
    // Committed by now: listeners run here, on this request's thread, and not in the writer that
    // every waiting submission queues behind.
    events.publishEvent(new CommentSubmitted(id, target.articleId(), screened));
    return new SubmittedComment(id, token, CommentStatus.PENDING);
  }

  private record NewRow(
      long articleId,
      String tokenKey,
      CommentDraft draft,
      boolean emailMe,
      Instant at,
      CommentRepository.ScreeningRow screening) {}

  /** Inside the (group's) transaction: each comment with its screening. */
  private final class Store implements GroupCommit.Writer<NewRow, Long> {
    private final CommentRepository.Inserts inserts = repository.inserts();

    @Override
    public Long write(NewRow row) {
      // Inside the batch: a repeat also finds a copy written earlier in the same batch.
      if (inserts.recentlyPosted(
          row.draft().email(), row.draft().text(), row.at().minus(DUPLICATE_WINDOW))) {
        throw new DuplicateComment();
      }
      return inserts.insert(
          row.articleId(), row.tokenKey(), row.draft(), row.emailMe(), row.at(), row.screening());
    }

    @Override
    public void close() {
      inserts.close();
    }
  }
}
