package org.diwan.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff module's settings, bound from {@code diwan.*}.
 *
 * @param admin the first admin, created when there is no staff account yet
 * @param limits how many failed passwords are tolerated
 * @param staff how long a staff session may last, and whether passwords are accepted
 * @param oidc the newsroom's OpenID Connect provider staff may sign in with
 */
@ConfigurationProperties("diwan")
public record StaffProperties(
    @DefaultValue Admin admin,
    @DefaultValue Limits limits,
    @DefaultValue Staff staff,
    @DefaultValue Oidc oidc) {

  /**
   * @param email the first admin's address; empty: {@code admin@localhost}
   * @param password their password (at least 12 characters); empty: a one-time password is printed
   *     once in the log
   */
  public record Admin(@DefaultValue("") String email, @DefaultValue("") String password) {}

  /**
   * @param loginFailures failed passwords before further attempts must wait; 0: off
   */
  public record Limits(@DefaultValue("5") int loginFailures) {}

  /**
   * @param sessionLifetime a staff session ends this long after its login however busy it is
   * @param passwordLogin whether staff may sign in with a password (the form and HTTP Basic); off
   *     needs {@link Oidc#issuer} set
   */
  public record Staff(
      @DefaultValue("12h") Duration sessionLifetime, @DefaultValue("true") boolean passwordLogin) {}

  /**
   * @param issuer the provider's issuer URL (its discovery document is read on the first sign-in);
   *     empty: no single sign-on
   * @param clientId Diwan's client id at the provider
   * @param clientSecret its client secret
   * @param rolesClaim the ID token or user-info claim whose values name Diwan roles (ADMIN, EDITOR,
   *     MODERATOR, in any case); empty: an admin gives each person their roles
   * @param label the sign-in button's words
   */
  public record Oidc(
      @DefaultValue("") String issuer,
      @DefaultValue("") String clientId,
      @DefaultValue("") String clientSecret,
      @DefaultValue("") String rolesClaim,
      @DefaultValue("Sign in with the newsroom's account") String label) {

    public boolean configured() {
      return !issuer.isBlank();
    }
  }
}
