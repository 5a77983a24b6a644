package org.diwan.staff.internal;

import java.util.Collection;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks staff up for login (form and HTTP Basic) by email, in any case. */
@Component
class StaffUsers implements UserDetailsService {

  private final StaffRepository repository;

  StaffUsers(StaffRepository repository) {
    this.repository = repository;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    StaffRepository.Credentials found =
        repository
            .credentials(StaffAccounts.normalise(email))
            .orElseThrow(() -> new UsernameNotFoundException("No staff account"));
    StaffMember member = found.member();
    return new StaffUser(
        member.email(),
        found.passwordHash(),
        member.enabled(),
        AuthorityUtils.createAuthorityList(
            member.roles().stream().map(Role::authority).toArray(String[]::new)),
        found.sessionVersion(),
        member.passwordChangeNeeded());
  }

  /**
   * A member of staff as authenticated: besides the roles, the version of the account's credentials
   * the authentication was made with ({@link StaffSessions}), and whether the password is a
   * one-time one that must be replaced before anything else.
   */
  static final class StaffUser extends User implements StaffPrincipal {
    private final long sessionVersion;
    private final boolean passwordChangeNeeded;

    StaffUser(
        String email,
        String hash,
        boolean enabled,
        Collection<? extends GrantedAuthority> authorities,
        long sessionVersion,
        boolean passwordChangeNeeded) {
      super(email, hash, enabled, true, true, true, authorities);
      this.sessionVersion = sessionVersion;
      this.passwordChangeNeeded = passwordChangeNeeded;
    }

    @Override
    public long sessionVersion() {
      return sessionVersion;
    }

    boolean passwordChangeNeeded() {
      return passwordChangeNeeded;
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}
