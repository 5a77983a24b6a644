package org.diwan.notice;

import java.time.Clock;
import org.diwan.comment.CommentContacts;
import org.diwan.notice.internal.NoticeRepository;
import org.diwan.site.MailOffer;
import org.diwan.site.SiteAddress;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The outbox of e-mail notices to commenters. Thread-safe.
 *
 * <p>{@link #queue} only writes a row, in the caller's transaction: the notice commits or rolls
 * back with the decision it reports and is never lost between the two, and no caller waits for
 * SMTP. {@code NoticeSender} sends due rows in the background.
 */
@Service
public class Notices {

  private final NoticeRepository repository;
  private final CommentContacts contacts;
  private final MailOffer mail;
  private final SiteAddress site;
  private final Clock clock;

  Notices(
      NoticeRepository repository,
      CommentContacts contacts,
      MailOffer mail,
      SiteAddress site,
      Clock clock) {
    this.repository = repository;
    this.contacts = contacts;
    this.mail = mail;
    this.site = site;
    this.clock = clock;
  }

  /**
   * Queues a {@code kind} notice about comment {@code commentId}, in the article's language, when
   * e-mail is configured and the commenter asked for notices; otherwise does nothing.
   */
  public void queue(long commentId, NoticeKind kind) {
    if (!mail.offered() || !contacts.askedForNotice(commentId)) {
      return;
    }
    contacts
        .find(commentId)
        .ifPresent(
            c ->
                repository.insert(
                    kind, commentId, c.article().language(), siteBase(), clock.instant()));
  }

  /** For the dashboard. */
  public NoticeCounts counts() {
    return repository.counts();
  }

  /**
   * The site's address as this request reaches it; null off a request (the sender then uses the
   * configured one).
   */
  private String siteBase() {
    return RequestContextHolder.getRequestAttributes() == null ? null : site.base();
  }
}
