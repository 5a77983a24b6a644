package org.diwan.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.diwan.comment.CommentContacts;
import org.diwan.notice.internal.NoticeRepository;
import org.diwan.notice.internal.NoticeRepository.LookupKey;
import org.diwan.site.MailOffer;
import org.diwan.site.SiteAddress;
import org.diwan.storage.KeyedHash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

  /** "Find my comments" requests one client may make an hour. */
  public static final int LOOKUPS_PER_CLIENT_HOUR = 10;

  /** "Find my comments" requests for one address a day, whoever asks. */
  public static final int LOOKUPS_PER_ADDRESS_DAY = 3;

  private final NoticeRepository repository;
  private final KeyedHash hashes;
  private final CommentContacts contacts;
  private final MailOffer mail;
  private final SiteAddress site;
  private final Clock clock;

  Notices(
      NoticeRepository repository,
      KeyedHash hashes,
      CommentContacts contacts,
      MailOffer mail,
      SiteAddress site,
      Clock clock) {
    this.repository = repository;
    this.hashes = hashes;
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

  /**
   * Queues one message to {@code email} with new links to its comments of the last 30 days, in
   * edition {@code language}, asked for by the client at {@code clientAddress}. Whether the address
   * has any comments is found out only when it is sent (nothing is sent if none), so nothing a
   * caller sees depends on it. The caller has checked the address ({@link
   * CommentContacts#emailProblem}); without e-mail ({@link MailOffer#offered}) nothing is queued.
   * Keyed hashes of the client and the address are kept for a day, to count requests by.
   *
   * @return false, with nothing queued, when the client or the address has asked too often ({@link
   *     #LOOKUPS_PER_CLIENT_HOUR}, {@link #LOOKUPS_PER_ADDRESS_DAY})
   */
  @Transactional
  public boolean findMyComments(String email, String clientAddress, String language) {
    if (!mail.offered()) {
      return true;
    }
    String emailKey = CommentContacts.emailKey(email);
    String client = hashes.of("find-client:" + clientAddress);
    String address = hashes.of("find-email:" + emailKey);
    Instant now = clock.instant();
    // The longest window the limits look back over.
    repository.forgetLookupsBefore(now.minus(Duration.ofDays(1)));
    if (repository.lookupsSince(LookupKey.CLIENT, client, now.minus(Duration.ofHours(1)))
            >= LOOKUPS_PER_CLIENT_HOUR
        || repository.lookupsSince(LookupKey.EMAIL, address, now.minus(Duration.ofDays(1)))
            >= LOOKUPS_PER_ADDRESS_DAY) {
      return false;
    }
    repository.insertLookup(emailKey, client, address, language, siteBase(), now);
    return true;
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
