package org.diwan.staff.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffChanged;
import org.diwan.staff.StaffMember;
import org.diwan.staff.StaffProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Turns a person the newsroom's provider vouched for (its ID token already checked by Spring
 * Security: signature, issuer, audience, expiry, nonce) into a member of staff.
 *
 * <ul>
 *   <li>The account is found by the verified e-mail address and bound, at its first sign-on, to the
 *       provider's subject; after that only that subject opens it.
 *   <li>With {@code diwan.oidc.roles-claim} set and in the token, the claim's values are the
 *       person's roles: an account is created or its roles brought in line at each sign-in
 *       (audited). Without it an admin gives roles: someone without an account is refused and
 *       listed for the admin.
 *   <li>A disabled account stays disabled.
 * </ul>
 *
 * Refusals are {@link OAuth2AuthenticationException}s whose error code the login page explains.
 */
@Component
class SignOn implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String NO_EMAIL = "no_email";
  static final String AWAITING_ACCOUNT = "awaiting_account";
  static final String NO_ROLE = "no_role";
  static final String DISABLED = "disabled";
  static final String OTHER_SUBJECT = "other_subject";

  private static final Logger log = LoggerFactory.getLogger(SignOn.class);

  private final OidcUserService provider = new OidcUserService();
  private final StaffAccounts accounts;
  private final StaffRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final String issuer;
  private final String rolesClaim;

  SignOn(
      StaffAccounts accounts,
      StaffRepository repository,
      ApplicationEventPublisher events,
      Clock clock,
      StaffProperties properties) {
    this.accounts = accounts;
    this.repository = repository;
    this.events = events;
    this.clock = clock;
    this.issuer = properties.oidc().issuer();
    this.rolesClaim = properties.oidc().rolesClaim().strip();
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser person = provider.loadUser(request);
    if (person.getEmail() == null || Boolean.FALSE.equals(person.getEmailVerified())) {
      throw refused(NO_EMAIL, "The provider gave no confirmed e-mail address.");
    }
    String email = StaffAccounts.normalise(person.getEmail());
    String subject = issuer + " " + person.getSubject();
    // A person whose token lacks the claim keeps the roles an admin gave them.
    Set<Role> claimed =
        rolesClaim.isEmpty() || !person.getClaims().containsKey(rolesClaim)
            ? null
            : roles(person.getClaims().get(rolesClaim));
    StaffMember member = accounts.byEmail(email).orElse(null);
    if (member == null) {
      if (claimed == null || claimed.isEmpty()) {
        repository.requestAccount(email, name(person, email), clock.instant());
        events.publishEvent(new StaffChanged(email, "login.awaiting-account", email, issuer));
        throw refused(AWAITING_ACCOUNT, "No staff account yet for " + email + ".");
      }
      member = accounts.createSignedOn(email, name(person, email), claimed, "sign-on " + issuer);
    }
    String bound = repository.signOnSubject(email).orElse(null);
    if (bound != null && !bound.equals(subject)) {
      events.publishEvent(new StaffChanged(email, "login.failed", email, "another subject"));
      throw refused(OTHER_SUBJECT, "This account is bound to another person at the provider.");
    }
    if (!member.enabled()) {
      throw refused(DISABLED, "This staff account is disabled.");
    }
    if (claimed != null) {
      if (claimed.isEmpty()) {
        throw refused(NO_ROLE, "The provider gives this person no Diwan role.");
      }
      if (!claimed.equals(member.roles())) {
        accounts.setRoles(member.id(), claimed, "sign-on " + issuer);
      }
    }
    if (bound == null) {
      repository.bindSignOn(member.id(), subject);
    }
    repository.forgetAccountRequest(email);
    StaffRepository.Credentials now = repository.credentials(email).orElseThrow();
    return new SignedOnStaff(
        email,
        AuthorityUtils.createAuthorityList(
            now.member().roles().stream().map(Role::authority).toArray(String[]::new)),
        person.getIdToken(),
        person.getUserInfo(),
        now.sessionVersion());
  }

  /** The roles a claim names: a list, or one string of names split by spaces or commas. */
  static Set<Role> roles(Object claim) {
    Collection<?> values =
        claim instanceof Collection<?> list
            ? list
            : claim == null ? List.of() : List.of(claim.toString().split("[\\s,]+"));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object value : values) {
      String name = String.valueOf(value).strip().toUpperCase(Locale.ROOT);
      for (Role role : Role.values()) {
        if (role.name().equals(name)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static String name(OidcUser person, String email) {
    String name = person.getFullName();
    return name == null || name.isBlank() ? email : name.strip();
  }

  /** Back to the login page with the reason; the provider's own words go to the log. */
  AuthenticationFailureHandler failureHandler() {
    return (request, response, failure) -> {
      log.info("Sign-in through {} refused: {}", issuer, failure.getMessage());
      response.sendRedirect("/login?sso=" + failureCode(failure));
    };
  }

  /** The login page's word for why a sign-in through the provider failed. */
  static String failureCode(AuthenticationException failure) {
    String code =
        failure instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : "";
    return switch (code) {
      case NO_EMAIL, AWAITING_ACCOUNT, NO_ROLE, DISABLED, OTHER_SUBJECT -> code;
      default -> "failed";
    };
  }

  private static OAuth2AuthenticationException refused(String code, String why) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
  }
}
