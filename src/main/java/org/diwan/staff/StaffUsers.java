package org.diwan.staff;

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
    String address = StaffAccounts.normalise(email);
    StaffMember member =
        repository
            .byEmail(address)
            .orElseThrow(() -> new UsernameNotFoundException("No staff account"));
    return User.withUsername(member.email())
        .password(repository.passwordHash(address).orElseThrow())
        .authorities(member.roles().stream().map(Role::authority).toArray(String[]::new))
        .disabled(!member.enabled())
        .build();
  }
}
