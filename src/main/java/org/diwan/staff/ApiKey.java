package org.diwan.staff;

import java.time.Instant;

/** An integration's key as listed for admins: never the key itself, which is shown only once. */
public record ApiKey(
    long id, String name, Role role, String createdBy, Instant createdAt, Instant revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }
}
