package org.diwan.notice;

import java.time.Instant;

/** The outbox for staff: notices by status, the oldest still pending, and the last error. */
public record NoticeCounts(
    long pending, long sent, long failed, Instant oldestPending, String lastError) {}
