package org.diwan.notice.internal;

import org.diwan.comment.AppealDecided;
import org.diwan.comment.AppealOutcome;
import org.diwan.notice.NoticeKind;
import org.diwan.notice.Notices;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the notice of an upheld appeal in the appeal decision's transaction, as {@link
 * DecisionNotices} does for decisions. A reversal needs none of its own: it is recorded as an
 * approval, whose decision notice already tells the commenter the comment is published.
 */
@Component
class AppealNotices {

  private final Notices notices;

  AppealNotices(Notices notices) {
    this.notices = notices;
  }

  @EventListener
  void on(AppealDecided event) {
    if (event.outcome() == AppealOutcome.UPHELD) {
      notices.queue(event.commentId(), NoticeKind.APPEAL_DECISION);
    }
  }
}
