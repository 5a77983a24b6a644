package org.diwan.audit.internal;

import org.diwan.article.ArticleUpdated;
import org.diwan.article.SectionChanged;
import org.diwan.audit.AuditTrail;
import org.diwan.comment.AppealDecided;
import org.diwan.comment.CommenterErased;
import org.diwan.comment.CommenterSuspended;
import org.diwan.comment.PersonalDataExported;
import org.diwan.comment.SuspensionLifted;
import org.diwan.embed.EmbedSiteChanged;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.DecisionRecorded;
import org.diwan.moderation.ModerationDecision;
import org.diwan.moderation.PoliciesChanged;
import org.diwan.moderation.ReportsDismissed;
import org.diwan.staff.StaffChanged;
import org.diwan.storage.KeyedHash;
import org.diwan.webhook.WebhookChanged;
import org.diwan.wordlist.WordListChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a line of the audit log for each event that announces what a member of staff (or a policy)
 * did. Listeners run as the event is published: inside the change's transaction when there is one,
 * otherwise (a login, say) in a transaction of their own, so the line queues with every other write
 * instead of racing them. A commenter's address is logged only as a keyed hash ({@link KeyedHash}):
 * the log is append-only and would otherwise keep what erasure removes.
 */
@Component
class AuditedEvents {

  private final AuditTrail audit;
  private final KeyedHash hashes;

  AuditedEvents(AuditTrail audit, KeyedHash hashes) {
    this.audit = audit;
    this.hashes = hashes;
  }

  @EventListener
  @Transactional
  void on(StaffChanged event) {
    audit.record(event.actor(), event.action(), event.subject(), event.detail());
  }

  @EventListener
  @Transactional
  void on(ArticleUpdated event) {
    audit.record(event.actor(), "article." + event.change(), event.slug(), "");
  }

  @EventListener
  @Transactional
  void on(SectionChanged event) {
    audit.record(
        event.actor(), "section." + event.change(), event.language() + "/" + event.slug(), "");
  }

  @EventListener
  @Transactional
  void on(DecisionRecorded event) {
    ModerationDecision decision = event.decision();
    audit.record(
        decision.actor(),
        "comment." + decision.action().done(),
        "comment " + decision.commentId(),
        (decision.automatic() ? "automatic " : "") + GuidelineCode.toList(decision.codes()));
  }

  @EventListener
  @Transactional
  void on(AppealDecided event) {
    audit.record(
        event.actor(),
        "appeal." + event.outcome().name().toLowerCase(java.util.Locale.ROOT),
        "comment " + event.commentId(),
        "appeal " + event.appealId());
  }

  @EventListener
  @Transactional
  void on(PoliciesChanged event) {
    audit.record(
        event.actor(),
        "policy.changed",
        "automatic moderation",
        "reject "
            + event.rejectAt()
            + (event.approveBelow() == null ? "" : "; approve below " + event.approveBelow()));
  }

  @EventListener
  @Transactional
  void on(WordListChanged event) {
    if (event.restored()) {
      audit.record(
          event.actor(), "wordlist.restored", event.listName(), "back to the shipped list");
    } else {
      audit.record(
          event.actor(), "wordlist.changed", event.listName(), event.entries() + " entries");
    }
  }

  @EventListener
  @Transactional
  void on(PersonalDataExported event) {
    audit.record(event.actor(), "privacy.exported", hashes.of(event.emailKey()), "");
  }

  @EventListener
  @Transactional
  void on(CommenterErased event) {
    audit.record(
        event.actor(),
        "privacy.erased",
        hashes.of(event.emailKey()),
        event.comments() + " comments");
  }

  // issue 21: reports and suspensions

  @EventListener
  @Transactional
  void on(CommenterSuspended event) {
    audit.record(
        event.actor(),
        "commenter.suspended",
        hashes.of(event.emailKey()),
        (event.endsAt() == null ? "no end date" : "until " + event.endsAt())
            + "; "
            + event.reason());
  }

  @EventListener
  @Transactional
  void on(SuspensionLifted event) {
    audit.record(event.actor(), "commenter.unsuspended", hashes.of(event.emailKey()), "");
  }

  @EventListener
  @Transactional
  void on(ReportsDismissed event) {
    audit.record(
        event.actor(),
        "comment.kept",
        "comment " + event.commentId(),
        event.reports() + " reports dismissed");
  }

  // issue 22: webhooks

  @EventListener
  @Transactional
  void on(WebhookChanged event) {
    audit.record(event.actor(), event.action(), event.subject(), event.detail());
  }

  @EventListener
  @Transactional
  void on(EmbedSiteChanged event) {
    audit.record(event.actor(), event.action(), event.origin(), "");
  }
}
