package org.diwan.moderation.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.diwan.comment.CommentSubmitted;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.SecondStage;
import org.diwan.comment.SecondStageScored;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.moderation.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies the admin's automatic policies to a comment once it is safely stored. Each automatic
 * decision is recorded as automatic, with its codes and reason; a moderator can take an approved
 * one down like any other. If anything goes wrong here the comment simply stays pending for a
 * human.
 */
@Component
class AutomaticDecisions {

  static final String ACTOR = "policy";

  private static final Logger log = LoggerFactory.getLogger(AutomaticDecisions.class);

  private final Policies policies;
  private final Moderation moderation;

  AutomaticDecisions(Policies policies, Moderation moderation) {
    this.policies = policies;
    this.moderation = moderation;
  }

  /**
   * At submission the rejection policies act on the first stage's scores at once; an approval waits
   * for the second stage when it is on (the stage may yet find a threat the first missed).
   */
  // Published once the comment is committed, outside any transaction: hence the fallback.
  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentSubmitted submitted) {
    ScreeningSummary screening = submitted.screening();
    apply(
        submitted.commentId(),
        screening,
        code -> true,
        screening != null && screening.secondStage().settled());
  }

  /**
   * After the second stage the policies act again on what it stored: the combined scores when it
   * scored, the first stage's when it left the comment to the first (approvals only: rejections
   * acted at submission). Of the combined scores they read only the calibrated ones: a rejection
   * policy acts on a code whose combined score is a calibrated probability, and an approval needs
   * the combined scores calibrated: the stage calibrates all its stacked codes or none (none after
   * an update of the first stage the stacks were not fitted with; comments then wait for a human).
   * A comment the stage could not score is never approved. An approval needs nothing flagged, so a
   * combined THREAT above its threshold always waits for a human.
   */
  @EventListener
  void on(SecondStageScored scored) {
    ScreeningSummary screening = scored.screening();
    if (screening.secondStage() == SecondStage.SCORED) {
      apply(
          scored.commentId(),
          screening,
          scored.calibrated()::contains,
          !scored.calibrated().isEmpty());
    } else if (screening.secondStage().settled()) {
      approve(scored.commentId(), screening);
    }
  }

  private void apply(
      long commentId,
      ScreeningSummary screening,
      Predicate<GuidelineCode> readable,
      boolean mayApprove) {
    if (screening == null || screening.failed()) {
      return;
    }
    try {
      Policies.Settings settings = policies.current();
      Set<GuidelineCode> broken = EnumSet.noneOf(GuidelineCode.class);
      settings
          .rejectAt()
          .forEach(
              (code, threshold) -> {
                if (readable.test(code) && screening.score(code) >= threshold) {
                  broken.add(code);
                }
              });
      if (!broken.isEmpty()) {
        String reason =
            broken.stream()
                .map(c -> c.name() + " " + String.format(Locale.ROOT, "%.2f", screening.score(c)))
                .collect(Collectors.joining(", "));
        moderation.decideAutomatically(
            new Decide(
                commentId,
                DecisionAction.REJECT,
                broken,
                "Rejected automatically by the site's screening policy (" + reason + ").",
                ACTOR,
                true));
      } else if (mayApprove) {
        approve(commentId, screening);
      }
    } catch (RuntimeException e) {
      log.error("Automatic policy failed for comment {}; it waits for a moderator", commentId, e);
    }
  }

  private void approve(long commentId, ScreeningSummary screening) {
    if (screening.failed() || screening.secondStage() == SecondStage.UNSCORED) {
      return;
    }
    try {
      Double below = policies.current().approveBelow();
      if (below != null && screening.flagged().isEmpty() && screening.risk() < below) {
        moderation.decideAutomatically(
            new Decide(commentId, DecisionAction.APPROVE, Set.of(), null, ACTOR, true));
      }
    } catch (RuntimeException e) {
      log.error("Automatic policy failed for comment {}; it waits for a moderator", commentId, e);
    }
  }
}
