package org.diwan.staff;

import java.util.Set;
import java.util.UUID;

/** Staff accounts for tests, each with its own email and a known password. */
public final class StaffFixtures {

  public static final String PASSWORD = "correct horse battery staple";

  private StaffFixtures() {}

  /** Creates an account holding {@code roles} and returns its email. */
  public static String member(StaffAccounts accounts, Role... roles) {
    String email = "staff-" + UUID.randomUUID() + "@example.org";
    accounts.create(email, "Test " + roles[0].label(), Set.of(roles), PASSWORD, "test");
    return email;
  }

  /** Creates a key with the given role and returns the secret. */
  public static String key(ApiKeys keys, Role role) {
    return keys.create("test " + role.name(), role, "test").key();
  }
}
