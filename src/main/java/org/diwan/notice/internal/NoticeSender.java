package org.diwan.notice.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diwan.comment.CommentContacts;
import org.diwan.comment.CommentContacts.CommentContact;
import org.diwan.notice.NoticeKind;
import org.diwan.site.BackgroundLoop;
import org.diwan.site.Backoff;
import org.diwan.site.MailOffer;
import org.diwan.site.Meters;
import org.diwan.site.SiteAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends due notices from the outbox on a thread of its own, never on a request's: SMTP that is down
 * or slow holds up nothing but this thread. A failed attempt is retried after a minute, then after
 * twice as long each time, at most a day apart; after {@link #MAX_ATTEMPTS} the notice is marked
 * failed. Several instances on one database each claim a notice before sending it ({@link
 * NoticeRepository#claim}), so none is sent twice by two of them.
 */
@Component
public class NoticeSender implements SmartLifecycle {

  // About 17 hours of doubling, then daily: a notice is given up after about five days.
  static final int MAX_ATTEMPTS = 16;
  static final Backoff RETRIES = new Backoff(Duration.ofMinutes(1), Duration.ofDays(1));

  /** How long a claimed notice is left to its claimer before it is due again. */
  private static final Duration LEASE = Duration.ofMinutes(10);

  private static final int BATCH = 20;

  /** How far back "find my comments" looks, and how many comments one message lists at most. */
  static final Duration LOOKUP_DAYS = Duration.ofDays(30);

  static final int LOOKUP_MOST = 50;

  private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

  private final NoticeRepository repository;
  private final CommentContacts contacts;
  private final NoticeMessages messages;
  private final SiteAddress site;
  private final JavaMailSender mail;
  private final Clock clock;
  private final String from;
  private final Counter sentCount;
  private final Counter retriedCount;
  private final Counter failedCount;
  private final BackgroundLoop loop;

  NoticeSender(
      NoticeRepository repository,
      CommentContacts contacts,
      NoticeMessages messages,
      SiteAddress site,
      JavaMailSender mail,
      MailOffer offer,
      Clock clock,
      @Value("${diwan.mail.from:noreply@localhost}") String from,
      @Value("${diwan.mail.poll:PT15S}") Duration poll,
      MeterRegistry meters) {
    this.repository = repository;
    this.contacts = contacts;
    this.messages = messages;
    this.site = site;
    this.mail = offer.offered() ? mail : null;
    this.clock = clock;
    this.from = from;
    this.loop =
        new BackgroundLoop(
            "notice-sender",
            poll,
            () -> {
              sendDue();
              return poll;
            });
    this.sentCount = deliveries(meters, "sent");
    this.retriedCount = deliveries(meters, "retried");
    this.failedCount = deliveries(meters, "failed");
  }

  private static Counter deliveries(MeterRegistry meters, String outcome) {
    return Counter.builder(Meters.NOTICE_DELIVERIES)
        .description("E-mail notices sent, tried again later, or given up")
        .tag(Meters.OUTCOME, outcome)
        .register(meters);
  }

  /** Sends every notice due now; returns how many were sent. */
  public int sendDue() {
    if (mail == null) {
      return 0;
    }
    int sent = 0;
    Instant now = clock.instant();
    for (NoticeRepository.Due due : repository.due(now, BATCH)) {
      Optional<NoticeRepository.Notice> claimed = repository.claim(due, now.plus(LEASE));
      if (claimed.isPresent() && attempt(claimed.get())) {
        sent++;
      }
    }
    return sent;
  }

  private boolean attempt(NoticeRepository.Notice notice) {
    String base = notice.siteBase() != null ? notice.siteBase() : site.configured().orElse(null);
    if (base == null) {
      giveUp(notice.id(), "no site address: set DIWAN_BASE_URL");
      return false;
    }
    List<String> paths = new ArrayList<>();
    try {
      Optional<Letter> letter =
          notice.kind() == NoticeKind.FIND_MY_COMMENTS
              ? lookupLetter(notice, base, paths)
              : decisionLetter(notice, base, paths);
      if (letter.isEmpty()) {
        return false;
      }
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(letter.get().to());
      helper.setSubject(letter.get().written().subject());
      helper.setText(letter.get().written().body());
      mail.send(message);
      repository.sent(notice.id(), clock.instant());
      sentCount.increment();
      log.info("Notice {} ({}) sent", notice.id(), notice.kind());
      return true;
    } catch (AddressException | IllegalStateException e) {
      paths.forEach(contacts::withdrawStatusPath);
      giveUp(notice.id(), e.getClass().getSimpleName());
      log.warn("Notice {} cannot be sent: {}", notice.id(), e.getClass().getSimpleName());
    } catch (MailException | MessagingException e) {
      paths.forEach(contacts::withdrawStatusPath);
      retry(notice, e);
    }
    return false;
  }

  /** A written message and its recipient. */
  private record Letter(InternetAddress to, NoticeMessages.Written written) {}

  /** A decision's notice, to its comment's address; empty (and failed) if that is gone. */
  private Optional<Letter> decisionLetter(
      NoticeRepository.Notice notice, String base, List<String> paths) throws AddressException {
    Optional<CommentContact> contact = contacts.find(notice.commentId());
    if (contact.isEmpty()) {
      giveUp(notice.id(), "the comment or its commenter is gone");
      return Optional.empty();
    }
    InternetAddress to = new InternetAddress(contact.get().comment().authorEmail(), true);
    paths.add(contacts.issueStatusPath(notice.commentId()));
    return Optional.of(
        new Letter(
            to,
            messages.write(notice.kind(), notice.language(), contact.get(), base + paths.get(0))));
  }

  /**
   * The links to the comments of the last {@link #LOOKUP_DAYS} days of the address asked for,
   * written to the address the newest was posted with; empty if there are none (an unknown or
   * erased address), and the request is then closed without a message.
   */
  private Optional<Letter> lookupLetter(
      NoticeRepository.Notice notice, String base, List<String> paths) throws AddressException {
    List<CommentContact> found =
        notice.recipient() == null
            ? List.of()
            : contacts.recentBy(
                notice.recipient(), clock.instant().minus(LOOKUP_DAYS), LOOKUP_MOST);
    if (found.isEmpty()) {
      repository.nothingToSend(notice.id());
      return Optional.empty();
    }
    InternetAddress to = new InternetAddress(found.get(0).comment().authorEmail(), true);
    List<String> links = new ArrayList<>();
    for (CommentContact c : found) {
      String path = contacts.issueStatusPath(c.comment().id());
      paths.add(path);
      links.add(base + path);
    }
    return Optional.of(new Letter(to, messages.writeLookup(notice.language(), found, links)));
  }

  private void retry(NoticeRepository.Notice notice, Exception e) {
    // The server's words may name the address: kept for staff, logged only at DEBUG.
    String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
    error = error.length() > 500 ? error.substring(0, 500) : error;
    if (notice.attempts() >= MAX_ATTEMPTS) {
      giveUp(notice.id(), error);
    } else {
      repository.retry(notice.id(), clock.instant().plus(delay(notice.attempts())), error);
      retriedCount.increment();
    }
    log.warn(
        "Notice {} not sent (attempt {}): {}",
        notice.id(),
        notice.attempts(),
        e.getClass().getSimpleName());
    log.debug("Notice {} not sent", notice.id(), e);
  }

  private void giveUp(long id, String error) {
    repository.failed(id, error);
    failedCount.increment();
  }

  /** After the {@code attempts}th failure: a minute, doubling, at most a day. */
  static Duration delay(int attempts) {
    return RETRIES.after(attempts);
  }

  @Override
  public void start() {
    if (mail != null) {
      loop.start();
    }
  }

  @Override
  public void stop() {
    loop.stop();
  }

  @Override
  public boolean isRunning() {
    return loop.running();
  }
}
