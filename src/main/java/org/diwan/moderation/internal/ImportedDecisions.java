package org.diwan.moderation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.diwan.comment.CommentsImported;
import org.diwan.comment.ImportedComment;
import org.diwan.moderation.Decide;
import org.diwan.moderation.DecisionAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the decisions imported comments arrive with (approved or rejected, by whom and when), in
 * the import's own transaction, so that every decided comment has its decision on record however it
 * was stored.
 */
@Component
class ImportedDecisions {

  private final DecisionRepository decisions;

  ImportedDecisions(DecisionRepository decisions) {
    this.decisions = decisions;
  }

  @EventListener
  void on(CommentsImported imported) {
    List<Decide> decided = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    for (int i = 0; i < imported.comments().size(); i++) {
      ImportedComment comment = imported.comments().get(i);
      DecisionAction action =
          switch (comment.status()) {
            case APPROVED -> DecisionAction.APPROVE;
            case REJECTED -> DecisionAction.REJECT;
            default -> null;
          };
      if (action != null && comment.decidedAt() != null) {
        decided.add(
            new Decide(imported.ids().get(i), action, Set.of(), null, comment.decidedBy(), false));
        at.add(comment.decidedAt());
      }
    }
    if (!decided.isEmpty()) {
      decisions.insertAll(decided, at);
    }
  }
}
