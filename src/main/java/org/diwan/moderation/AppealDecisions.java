package org.diwan.moderation;

import org.diwan.comment.Appeal;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.AppealRefused;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentStatusConflict;
import org.diwan.moderation.internal.DecisionRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides appeals. The moderator who made the decision appealed against may not decide its appeal;
 * a policy's automatic decision may be reviewed by any moderator. A reversal is recorded as an
 * approval of its own in the append-only decisions, in the same transaction as the appeal's outcome
 * and the comment's return to the page; an upheld decision simply stands. Thread-safe.
 */
@Service
public class AppealDecisions {

  private final CommentAppeals appeals;
  private final DecisionRepository decisions;
  private final Moderation moderation;
  private final TransactionTemplate transaction;

  AppealDecisions(
      CommentAppeals appeals,
      DecisionRepository decisions,
      Moderation moderation,
      PlatformTransactionManager transactions) {
    this.appeals = appeals;
    this.decisions = decisions;
    this.moderation = moderation;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * @throws ModerationProblem for an unknown appeal (404), a moderator deciding the appeal against
   *     their own decision (403), an appeal already decided (409), a missing outcome (400)
   */
  public Appeal decide(DecideAppeal decision) {
    if (decision.outcome() == null) {
      throw ModerationProblem.invalid("outcome must be UPHELD or REVERSED.");
    }
    Appeal appeal =
        appeals
            .byId(decision.appealId())
            .orElseThrow(
                () ->
                    new ModerationProblem(
                        HttpStatus.NOT_FOUND,
                        "appeal.unknown",
                        "There is no appeal with id " + decision.appealId() + "."));
    decisions
        .latestFor(appeal.commentId())
        .filter(d -> !d.automatic() && d.actor().equalsIgnoreCase(decision.actor()))
        .filter(d -> d.action() != DecisionAction.APPROVE)
        .ifPresent(
            d -> {
              throw new ModerationProblem(
                  HttpStatus.FORBIDDEN,
                  "appeal.own-decision",
                  "You "
                      + d.action().done()
                      + " this comment, so another moderator must decide its appeal.");
            });
    try {
      return transaction.execute(status -> record(appeal, decision));
    } catch (AppealRefused | CommentStatusConflict e) {
      throw new ModerationProblem(HttpStatus.CONFLICT, "appeal.already-decided", e.getMessage());
    }
  }

  private Appeal record(Appeal appeal, DecideAppeal decision) {
    Appeal decided = appeals.decide(appeal.id(), decision.outcome(), decision.actor());
    if (decision.outcome() == AppealOutcome.REVERSED) {
      moderation.recordReversal(
          new Decide(
              appeal.commentId(),
              DecisionAction.APPROVE,
              java.util.Set.of(),
              "Reversed on appeal " + appeal.id() + ".",
              decision.actor(),
              false),
          decided.decidedAt());
    }
    return decided;
  }
}
