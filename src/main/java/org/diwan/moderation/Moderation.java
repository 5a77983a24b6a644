package org.diwan.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.diwan.comment.Comment;
import org.diwan.comment.CommentAlreadyDecided;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentNotPublished;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.moderation.internal.DecisionRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes moderation decisions. The comment's new status and the decision record are written in one
 * transaction, and the status change is conditional on the status it expects (pending for an
 * approval or a rejection, published for a take-down), so of two moderators deciding at once
 * exactly one succeeds; the other gets a {@link ModerationProblem} saying who was first. An earlier
 * decision stays on record: a take-down is a decision of its own. Thread-safe.
 */
@Service
public class Moderation {

  static final int MAX_NOTE = 1_000;

  private final CommentDecisions comments;
  private final CommentQueue queue;
  private final DecisionRepository decisions;
  private final TransactionTemplate transaction;
  private final TransactionTemplate separateTransaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Moderation(
      CommentDecisions comments,
      CommentQueue queue,
      DecisionRepository decisions,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.comments = comments;
    this.queue = queue;
    this.decisions = decisions;
    this.transaction = new TransactionTemplate(transactions);
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    this.events = events;
    this.clock = clock;
  }

  /**
   * @throws ModerationProblem for an unknown comment, a rejection or take-down without guidelines,
   *     an overlong note, a comment that is no longer pending (approve, reject) or not published
   *     (remove)
   */
  public ModerationDecision decide(Decide decision) {
    return decide(decision, transaction);
  }

  /**
   * Like {@link #decide}, in a transaction of its own: for policies that act after the comment's
   * own transaction has committed.
   */
  public ModerationDecision decideAutomatically(Decide decision) {
    return decide(decision, separateTransaction);
  }

  private ModerationDecision decide(Decide decision, TransactionTemplate transaction) {
    String note =
        decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
    if (decision.action() == null) {
      throw ModerationProblem.invalid("action must be APPROVE, REJECT or REMOVE.");
    }
    if (decision.action() == DecisionAction.REJECT && decision.codes().isEmpty()) {
      throw ModerationProblem.invalid("A rejection names at least one guideline code.");
    }
    if (decision.action() == DecisionAction.REMOVE && decision.codes().isEmpty()) {
      throw ModerationProblem.invalid("A take-down names at least one guideline code.");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw ModerationProblem.invalid("The note can be at most " + MAX_NOTE + " characters.");
    }
    if (queue.find(decision.commentId()).isEmpty()) {
      throw ModerationProblem.unknownComment(decision.commentId());
    }
    Decide clean =
        new Decide(
            decision.commentId(),
            decision.action(),
            decision.action() == DecisionAction.APPROVE ? Set.of() : decision.codes(),
            note,
            decision.actor(),
            decision.automatic());
    try {
      return transaction.execute(status -> record(clean));
    } catch (CommentAlreadyDecided e) {
      throw ModerationProblem.alreadyDecided(
          decision.commentId(), e.found().name().toLowerCase(Locale.ROOT), lastActor(decision));
    } catch (CommentNotPublished e) {
      if (e.found() == CommentStatus.REMOVED) {
        throw ModerationProblem.alreadyDecided(
            decision.commentId(), "removed", lastActor(decision));
      }
      throw ModerationProblem.notPublished(e.getMessage());
    }
  }

  private String lastActor(Decide decision) {
    return decisions.latestFor(decision.commentId()).map(ModerationDecision::actor).orElse(null);
  }

  /**
   * Records the approval that an appeal's reversal amounts to, in the caller's transaction, once
   * the comment is published again: the comment's own change is the appeal's ({@link
   * org.diwan.comment.CommentAppeals#decide}).
   */
  void recordReversal(Decide decision, Instant at) {
    recorded(decision, decisions.insert(decision, at), at);
  }

  private ModerationDecision record(Decide decision) {
    long commentId = decision.commentId();
    Comment decided =
        switch (decision.action()) {
          case APPROVE -> comments.approve(commentId, decision.automatic());
          case REJECT ->
              comments.reject(commentId, decision.codes(), decision.note(), decision.automatic());
          case REMOVE -> comments.remove(commentId, decision.codes(), decision.note());
        };
    Instant at =
        decision.action() == DecisionAction.REMOVE
            ? decided.removedAt()
            : decided.decidedAt() != null ? decided.decidedAt() : clock.instant();
    return recorded(decision, decisions.insert(decision, at), at);
  }

  private ModerationDecision recorded(Decide decision, long id, Instant at) {
    ModerationDecision recorded =
        new ModerationDecision(
            id,
            decision.commentId(),
            decision.action(),
            decision.codes(),
            decision.note(),
            decision.actor(),
            decision.automatic(),
            at);
    // In this transaction: the audit log's line commits or rolls back with the decision.
    events.publishEvent(new DecisionRecorded(recorded));
    return recorded;
  }
}
