package org.diwan.staff;

import java.time.Instant;
import java.util.Set;

/** A member of the newsroom's staff as the admin pages show them; never the password hash. */
public record StaffMember(
    long id,
    String email,
    String displayName,
    Set<Role> roles,
    boolean enabled,
    boolean passwordChangeNeeded,
    Instant createdAt) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
