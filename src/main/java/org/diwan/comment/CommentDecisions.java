package org.diwan.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.guideline.GuidelineCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a pending comment to approved or rejected, and a published one to removed. Each change is
 * conditional on the status it expects, so of two deciding at once exactly one succeeds. Callers
 * that keep their own record of the decision call these inside their transaction so both commit
 * together.
 *
 * @throws CommentAlreadyDecided (from approve and reject) when the comment is no longer pending,
 *     also when another moderator decided it a moment earlier
 */
@Service
public class CommentDecisions {

  private final CommentRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CommentDecisions(CommentRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /** A person's approval. */
  @Transactional
  public Comment approve(long commentId) {
    return approve(commentId, false);
  }

  /** An approval, by a policy when {@code automatic}. */
  @Transactional
  public Comment approve(long commentId, boolean automatic) {
    Comment approved = load(commentId).approve(now(), automatic);
    store(approved);
    events.publishEvent(new CommentApproved(commentId, approved.articleId()));
    return approved;
  }

  /** A person's rejection. */
  @Transactional
  public Comment reject(long commentId, Set<GuidelineCode> codes, String note) {
    return reject(commentId, codes, note, false);
  }

  /** A rejection, by a policy when {@code automatic}. */
  @Transactional
  public Comment reject(long commentId, Set<GuidelineCode> codes, String note, boolean automatic) {
    Comment rejected = load(commentId).reject(codes, note, now(), automatic);
    store(rejected);
    events.publishEvent(new CommentRejected(commentId, rejected.articleId(), rejected.codes()));
    return rejected;
  }

  /**
   * Takes a published comment down.
   *
   * @throws CommentNotPublished when it is not published, also when someone removed it a moment
   *     earlier
   */
  @Transactional
  public Comment remove(long commentId, Set<GuidelineCode> codes, String note) {
    Comment removed = load(commentId).remove(codes, note, now());
    if (!repository.remove(removed)) {
      throw new CommentNotPublished(commentId, load(commentId).status());
    }
    events.publishEvent(new CommentRemoved(commentId, removed.articleId(), removed.codes()));
    return removed;
  }

  /** Now, to the millisecond the database keeps, so what is returned is what was stored. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private Comment load(long commentId) {
    return repository
        .findById(commentId)
        .orElseThrow(() -> new IllegalArgumentException("No comment with id " + commentId));
  }

  private void store(Comment decided) {
    if (!repository.decide(decided)) {
      throw new CommentAlreadyDecided(decided.id(), load(decided.id()).status());
    }
  }
}
