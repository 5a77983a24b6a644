package org.diwan.moderation.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.diwan.comment.CommentSubmitted;
import org.diwan.comment.ScreeningSummary;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.Moderation;
import org.diwan.moderation.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  // Published once the comment is committed, outside any transaction: hence the fallback.
  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentSubmitted submitted) {
    ScreeningSummary screening = submitted.screening();
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
                if (screening.score(code) >= threshold) {
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
                submitted.commentId(),
                DecisionAction.REJECT,
                broken,
                "Rejected automatically by the site's screening policy (" + reason + ").",
                ACTOR,
                true));
      } else if (settings.approveBelow() != null
          && screening.flagged().isEmpty()
          && screening.risk() < settings.approveBelow()) {
        moderation.decideAutomatically(
            new Decide(submitted.commentId(), DecisionAction.APPROVE, Set.of(), null, ACTOR, true));
      }
    } catch (RuntimeException e) {
      log.error(
          "Automatic policy failed for comment {}; it waits for a moderator",
          submitted.commentId(),
          e);
    }
  }
}
