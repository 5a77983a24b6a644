package org.diwan.comment;

import java.time.Instant;

/**
 * A commenter's one appeal against the rejection or take-down of their comment, as recorded and
 * never changed; {@code outcome}, {@code decidedBy} and {@code decidedAt} are null while it waits.
 * {@code decidedBy} is for staff only: a commenter is never told who decided.
 */
public record Appeal(
    long id,
    long commentId,
    String text,
    Instant filedAt,
    AppealOutcome outcome,
    String decidedBy,
    Instant decidedAt) {

  public boolean waiting() {
    return outcome == null;
  }
}
