package org.diwan.notice.internal;

import org.diwan.moderation.DecisionRecorded;
import org.diwan.notice.NoticeKind;
import org.diwan.notice.Notices;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the commenter's notice of a decision inside the decision's own transaction (the event is
 * published there): an outbox row is a cheap insert, and written with the decision it can be
 * neither lost if the process stops right after the commit nor sent for a decision that rolled
 * back.
 */
@Component
class DecisionNotices {

  private final Notices notices;

  DecisionNotices(Notices notices) {
    this.notices = notices;
  }

  @EventListener
  void on(DecisionRecorded event) {
    notices.queue(event.decision().commentId(), NoticeKind.DECISION);
  }
}
