package org.diwan.comment;

import java.time.Clock;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a pending comment to approved or rejected. Callers that keep their own record of the
 * decision call these inside their transaction so both commit together.
 *
 * @throws CommentAlreadyDecided (from every method) when the comment is no longer pending, also
 *     when another moderator decided it a moment earlier
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

  @Transactional
  public Comment approve(long commentId) {
    Comment approved = load(commentId).approve(clock.instant());
    store(approved);
    events.publishEvent(new CommentApproved(commentId, approved.articleId()));
    return approved;
  }

  @Transactional
  public Comment reject(long commentId, Set<GuidelineCode> codes, String note) {
    Comment rejected = load(commentId).reject(codes, note, clock.instant());
    store(rejected);
    events.publishEvent(new CommentRejected(commentId, rejected.articleId(), rejected.codes()));
    return rejected;
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
