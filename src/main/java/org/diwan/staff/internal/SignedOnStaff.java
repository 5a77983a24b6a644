package org.diwan.staff.internal;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in through the newsroom's provider: named by their account's address,
 * with their account's roles (not the provider's raw claims) as authorities.
 */
final class SignedOnStaff extends DefaultOidcUser implements StaffPrincipal {

  private final String email;
  private final long sessionVersion;

  SignedOnStaff(
      String email,
      Collection<? extends GrantedAuthority> authorities,
      OidcIdToken idToken,
      OidcUserInfo userInfo,
      long sessionVersion) {
    super(authorities, idToken, userInfo);
    this.email = email;
    this.sessionVersion = sessionVersion;
  }

  /** The account's address, as the rest of the site names staff. */
  @Override
  public String getName() {
    return email;
  }

  @Override
  public long sessionVersion() {
    return sessionVersion;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedOnStaff that
        && email.equals(that.email)
        && sessionVersion == that.sessionVersion
        && super.equals(other);
  }

  @Override
  public int hashCode() {
    return email.hashCode() * 31 + Long.hashCode(sessionVersion);
  }
}
