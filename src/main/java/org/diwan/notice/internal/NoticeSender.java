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
import java.util.Optional;
import org.diwan.comment.CommentContacts;
import org.diwan.comment.CommentContacts.CommentContact;
import org.diwan.site.Meters;
import org.diwan.site.SiteAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_RETRY = Duration.ofDays(1);

  /** How long a claimed notice is left to its claimer before it is due again. */
  private static final Duration LEASE = Duration.ofMinutes(10);

  private static final int BATCH = 20;
  private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

  private final NoticeRepository repository;
  private final CommentContacts contacts;
  private final NoticeMessages messages;
  private final SiteAddress site;
  private final JavaMailSender mail;
  private final Clock clock;
  private final String from;
  private final Duration poll;
  private final Counter sentCount;
  private final Counter retriedCount;
  private final Counter failedCount;
  private volatile Thread thread;

  NoticeSender(
      NoticeRepository repository,
      CommentContacts contacts,
      NoticeMessages messages,
      SiteAddress site,
      ObjectProvider<JavaMailSender> mail,
      Clock clock,
      @Value("${diwan.mail.from:noreply@localhost}") String from,
      @Value("${diwan.mail.poll:PT15S}") Duration poll,
      MeterRegistry meters) {
    this.repository = repository;
    this.contacts = contacts;
    this.messages = messages;
    this.site = site;
    this.mail = mail.getIfAvailable();
    this.clock = clock;
    this.from = from;
    this.poll = poll;
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
    Optional<CommentContact> contact = contacts.find(notice.commentId());
    String base = notice.siteBase() != null ? notice.siteBase() : site.configured().orElse(null);
    if (contact.isEmpty() || base == null) {
      giveUp(
          notice.id(),
          contact.isEmpty()
              ? "the comment or its commenter is gone"
              : "no site address: set DIWAN_BASE_URL");
      return false;
    }
    String path = null;
    try {
      InternetAddress to = new InternetAddress(contact.get().comment().authorEmail(), true);
      path = contacts.issueStatusPath(notice.commentId());
      NoticeMessages.Written written =
          messages.write(notice.kind(), notice.language(), contact.get(), base + path);
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(written.subject());
      helper.setText(written.body());
      mail.send(message);
      repository.sent(notice.id(), clock.instant());
      sentCount.increment();
      log.info("Notice {} ({}) sent", notice.id(), notice.kind());
      return true;
    } catch (AddressException | IllegalStateException e) {
      withdraw(path);
      giveUp(notice.id(), e.getClass().getSimpleName());
      log.warn("Notice {} cannot be sent: {}", notice.id(), e.getClass().getSimpleName());
    } catch (MailException | MessagingException e) {
      withdraw(path);
      retry(notice, e);
    }
    return false;
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
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }

  private void withdraw(String path) {
    if (path != null) {
      contacts.withdrawStatusPath(path);
    }
  }

  @Override
  public void start() {
    if (mail == null) {
      return;
    }
    Thread t = new Thread(this::run, "notice-sender");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  private void run() {
    while (thread == Thread.currentThread()) {
      try {
        sendDue();
      } catch (RuntimeException e) {
        // The database may be busy or briefly away: the next round tries again.
        log.warn("Sending notices failed: {}", e.getClass().getSimpleName());
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
