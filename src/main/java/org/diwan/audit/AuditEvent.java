package org.diwan.audit;

import java.time.Instant;

/** One line of the audit log: who did what to what, and when. */
public record AuditEvent(
    long id, Instant at, String actor, String action, String subject, String detail) {}
