package org.diwan.staff;

import java.time.Instant;

/**
 * An integration's key as listed for admins: never the key itself, which is shown only once.
 *
 * <p>A key acts for the admin who made it ({@code creatorId}; null for keys made by the system or
 * before creators were recorded): while that account is disabled or no longer an admin, the key is
 * suspended ({@code creatorActive} false) and refused; it works again if the account is restored.
 */
public record ApiKey(
    long id,
    String name,
    Role role,
    String createdBy,
    Instant createdAt,
    Instant revokedAt,
    Long creatorId,
    boolean creatorActive) {

  public boolean active() {
    return revokedAt == null;
  }
}
