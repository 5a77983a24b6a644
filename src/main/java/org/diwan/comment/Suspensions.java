package org.diwan.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diwan.comment.internal.CommenterEmail;
import org.diwan.storage.ChangeFeed;
import org.diwan.storage.KeyedHash;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspended commenters, by address. Only the keyed hash of the normalised address is stored, so the
 * table cannot say who was suspended, only whether an address given to it is. An address that never
 * commented may be suspended too (ahead of its first comment); {@link #commented} lets the console
 * say so. Every suspension and lifting publishes an event for the audit log, in the same
 * transaction.
 *
 * <p>Every submission asks {@link #requireAllowed}, so the hashes of the addresses with a
 * suspension not yet lifted or ended are kept in memory and read again only after a suspension is
 * made or lifted on any instance ({@link ChangeFeed}); only an address among them costs a query.
 */
@Service
public class Suspensions {

  public static final int MAX_REASON = 500;

  /** The {@link ChangeFeed} scope of the suspensions. */
  static final String SCOPE = "suspensions";

  private final JdbcClient jdbc;
  private final KeyedHash hashes;
  private final ApplicationEventPublisher events;
  private final ChangeFeed changes;
  private final Clock clock;
  private volatile Kept kept;

  /** Hashes that may be suspended (a suspension ending since is checked on a query). */
  private record Kept(Set<String> hashes, long everything, long generation) {}

  Suspensions(
      JdbcClient jdbc,
      KeyedHash hashes,
      ApplicationEventPublisher events,
      ChangeFeed changes,
      Clock clock) {
    this.jdbc = jdbc;
    this.hashes = hashes;
    this.events = events;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Suspends {@code email} for {@code period}, or with no end date when it is null.
   *
   * @throws InvalidSuspension for an address that is not one, a missing or overlong reason, a
   *     period that is not positive
   */
  @Transactional
  public Suspension suspend(String email, Duration period, String reason, String actor) {
    String key = key(email);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw new InvalidSuspension("Give a reason of at most " + MAX_REASON + " characters.");
    }
    if (period != null && (period.isNegative() || period.isZero())) {
      throw new InvalidSuspension("The period must be at least a day, or no end date.");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant ends = period == null ? null : now.plus(period);
    long id =
        jdbc.sql(
                "INSERT INTO commenter_suspension (email_hash, starts_at, ends_at, reason, actor)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING id")
            .params(
                hashes.of(key),
                now.toEpochMilli(),
                ends == null ? null : ends.toEpochMilli(),
                why,
                actor)
            .query(Long.class)
            .single();
    changes.changed(SCOPE);
    events.publishEvent(new CommenterSuspended(actor, key, ends, why));
    return new Suspension(id, now, ends, why, actor, null, null);
  }

  /** Lifts every suspension of {@code email} in force; how many there were (0: nothing to lift). */
  @Transactional
  public int lift(String email, String actor) {
    String key = key(email);
    long now = clock.millis();
    int lifted =
        jdbc.sql(
                "UPDATE commenter_suspension SET lifted_at = ?, lifted_by = ? WHERE email_hash = ?"
                    + " AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > ?)")
            .params(now, actor, hashes.of(key), now)
            .update();
    if (lifted > 0) {
      changes.changed(SCOPE);
      events.publishEvent(new SuspensionLifted(actor, key, lifted));
    }
    return lifted;
  }

  /** The suspension that refuses {@code email}'s comments now: the one that ends last. */
  public Optional<Suspension> inForce(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<Suspension> inForce = history(email).stream().filter(s -> s.inForceAt(now)).toList();
    return inForce.stream()
        .filter(s -> s.endsAt() == null)
        .findFirst()
        .or(() -> inForce.stream().max(Comparator.comparing(Suspension::endsAt)));
  }

  /**
   * @throws CommenterIsSuspended when {@code email} is suspended now
   */
  public void requireAllowed(String email) {
    if (email == null
        || email.isBlank()
        || !mayBeSuspended().contains(hashes.of(CommenterEmail.key(email)))) {
      return;
    }
    inForce(email)
        .ifPresent(
            s -> {
              throw new CommenterIsSuspended(s.endsAt());
            });
  }

  private Set<String> mayBeSuspended() {
    long everything = changes.everything();
    long generation = changes.of(SCOPE);
    Kept now = kept;
    if (now == null
        || !changes.synced()
        || now.everything() != everything
        || now.generation() != generation) {
      now =
          new Kept(
              Set.copyOf(
                  jdbc.sql(
                          "SELECT DISTINCT email_hash FROM commenter_suspension"
                              + " WHERE lifted_at IS NULL AND (ends_at IS NULL OR ends_at > ?)")
                      .param(clock.millis())
                      .query(String.class)
                      .list()),
              everything,
              generation);
      kept = now;
    }
    return now.hashes();
  }

  /** Every suspension of {@code email}, newest first, lifted and ended ones included. */
  public List<Suspension> history(String email) {
    return jdbc.sql(
            "SELECT id, starts_at, ends_at, reason, actor, lifted_at, lifted_by"
                + " FROM commenter_suspension WHERE email_hash = ? ORDER BY id DESC")
        .param(hashes.of(CommenterEmail.key(email)))
        .query(
            (rs, row) ->
                new Suspension(
                    rs.getLong(1),
                    Instant.ofEpochMilli(rs.getLong(2)),
                    instant(rs.getObject(3)),
                    rs.getString(4),
                    rs.getString(5),
                    instant(rs.getObject(6)),
                    rs.getString(7)))
        .list();
  }

  /** How many addresses are suspended now. */
  public long inForceCount() {
    long now = clock.millis();
    return jdbc.sql(
            "SELECT COUNT(DISTINCT email_hash) FROM commenter_suspension WHERE lifted_at IS NULL"
                + " AND (ends_at IS NULL OR ends_at > ?)")
        .param(now)
        .query(Long.class)
        .single();
  }

  /** Whether any comment ever came from {@code email}. */
  public boolean commented(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM comment WHERE email_key = ?")
            .param(CommenterEmail.key(email))
            .query(Long.class)
            .single()
        > 0;
  }

  private static String key(String email) {
    String key = CommenterEmail.key(email);
    if (key.length() < 3 || key.length() > 254 || key.indexOf('@') < 1 || key.contains(" ")) {
      throw new InvalidSuspension("Give the commenter's e-mail address.");
    }
    return key;
  }

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }
}
