package org.diwan.staff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a member of staff, or an API key, may do. A person may hold several roles. */
public enum Role {
  ADMIN,
  EDITOR,
  MODERATOR;

  /** The Spring Security authority, e.g. {@code ROLE_MODERATOR}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  public static Set<Role> fromList(String list) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : list.split(",")) {
      if (!part.isBlank()) {
        roles.add(valueOf(part.strip()));
      }
    }
    return roles;
  }

  static String toList(Set<Role> roles) {
    return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }
}
