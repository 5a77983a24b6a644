package org.diwan.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.diwan.comment.internal.AppealRepository;
import org.diwan.comment.internal.AppealText;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.comment.internal.CommentStatuses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals against a rejection or a take-down: a commenter files one, with the status link's token
 * as proof; a moderator's outcome is recorded once and, when the decision is reversed, publishes
 * the comment again. Callers that keep their own record of the outcome call {@link #decide} inside
 * their transaction so both commit together. Thread-safe.
 */
@Service
public class CommentAppeals {

  private final CommentStatuses statuses;
  private final AppealRepository appeals;
  private final CommentRepository comments;
  private final CommentTargets targets;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CommentAppeals(
      CommentStatuses statuses,
      AppealRepository appeals,
      CommentRepository comments,
      CommentTargets targets,
      ApplicationEventPublisher events,
      Clock clock) {
    this.statuses = statuses;
    this.appeals = appeals;
    this.comments = comments;
    this.targets = targets;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Files the one appeal of the comment whose status link carries {@code token}.
   *
   * @throws AppealRefused for an unknown token (404), a comment that is neither rejected nor
   *     removed or already appealed (409), a missing or overlong explanation (400); nothing is
   *     stored then
   */
  @Transactional
  public Appeal file(String token, String text) {
    CommentStatusView view = statuses.byToken(token).orElseThrow(AppealRefused::unknown);
    if (view.status() != CommentStatus.REJECTED && view.status() != CommentStatus.REMOVED) {
      throw AppealRefused.notAppealable(view.status());
    }
    if (appeals.ofComment(view.commentId()).isPresent()) {
      throw AppealRefused.alreadyMade();
    }
    String clean;
    try {
      clean = AppealText.of(text);
    } catch (IllegalArgumentException e) {
      throw AppealRefused.invalid(e.getMessage());
    }
    Instant at = now();
    long id;
    try {
      id = appeals.insert(view.commentId(), clean, at);
    } catch (DataIntegrityViolationException e) {
      throw AppealRefused.alreadyMade(); // filed a moment ago by a second request
    }
    events.publishEvent(new AppealFiled(id, view.commentId(), view.article().articleId()));
    return new Appeal(id, view.commentId(), clean, at, null, null, null);
  }

  /**
   * Records a waiting appeal's outcome; {@link AppealOutcome#REVERSED} publishes the comment again.
   *
   * @throws AppealRefused for an unknown appeal (404) or one already decided (409)
   */
  @Transactional
  public Appeal decide(long appealId, AppealOutcome outcome, String actor) {
    Appeal appeal = appeals.byId(appealId).orElseThrow(() -> AppealRefused.unknownAppeal(appealId));
    if (!appeal.waiting()) {
      throw AppealRefused.alreadyDecided(appealId);
    }
    Comment comment = comments.findById(appeal.commentId()).orElseThrow();
    Instant at = now();
    try {
      appeals.decide(appealId, outcome, actor, at);
    } catch (DataIntegrityViolationException e) {
      throw AppealRefused.alreadyDecided(appealId); // by another moderator a moment ago
    }
    if (outcome == AppealOutcome.REVERSED) {
      Comment published = comment.reinstate(at);
      if (!comments.reinstate(published, comment.status())) {
        throw AppealRefused.alreadyDecided(appealId);
      }
      events.publishEvent(new CommentApproved(comment.id(), comment.articleId()));
    }
    events.publishEvent(
        new AppealDecided(appealId, comment.id(), comment.articleId(), outcome, actor));
    return new Appeal(
        appeal.id(), appeal.commentId(), appeal.text(), appeal.filedAt(), outcome, actor, at);
  }

  public Optional<Appeal> byId(long appealId) {
    return appeals.byId(appealId);
  }

  public Optional<Appeal> ofComment(long commentId) {
    return appeals.ofComment(commentId);
  }

  /** Appeals waiting for a moderator, oldest first, each with its comment and article. */
  public List<WaitingAppeal> waiting(int limit) {
    return appeals.waiting(limit).stream()
        .flatMap(
            a ->
                comments
                    .findById(a.commentId())
                    .flatMap(c -> targets.byId(c.articleId()).map(t -> new WaitingAppeal(a, c, t)))
                    .stream())
        .toList();
  }

  public long countWaiting() {
    return appeals.countWaiting();
  }

  /** When the oldest appeal still waiting was filed; empty when none waits. */
  public Optional<Instant> oldestWaiting() {
    return appeals.waiting(1).stream().map(Appeal::filedAt).findFirst();
  }

  /** How many appeals were decided with {@code outcome} since {@code since}. */
  public long decidedSince(AppealOutcome outcome, Instant since) {
    return appeals.countDecidedSince(outcome, since);
  }

  /** Now, to the millisecond the database keeps, so what is returned is what was stored. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
