package org.diwan.comment;

import java.time.Instant;

/**
 * A moderator suspended a commenter until {@code endsAt} (null: no end date); {@code emailKey} is
 * the normalised address, for the audit log to hash.
 */
public record CommenterSuspended(String actor, String emailKey, Instant endsAt, String reason) {}
