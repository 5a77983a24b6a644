package org.diwan.comment;

import java.time.Instant;

/**
 * A commenter's suspension: from {@code startsAt} until {@code endsAt} (null: no end date), unless
 * lifted earlier ({@code liftedAt}, {@code liftedBy}). The address is not kept, only its keyed
 * hash.
 */
public record Suspension(
    long id,
    Instant startsAt,
    Instant endsAt,
    String reason,
    String actor,
    Instant liftedAt,
    String liftedBy) {

  /** Whether it refuses comments at {@code now}. */
  public boolean inForceAt(Instant now) {
    return liftedAt == null && (endsAt == null || endsAt.isAfter(now));
  }
}
