package org.diwan.staff;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.diwan.staff.internal.Secrets;
import org.diwan.staff.internal.StaffRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and manages staff accounts. Passwords are stored only as slow salted hashes; an account
 * created or reset by an admin gets a one-time password that must be changed at the next login.
 * Every change is announced as a {@link StaffChanged} event for the audit log.
 */
@Service
public class StaffAccounts {

  public static final int MIN_PASSWORD = 12;
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

  private final StaffRepository repository;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  StaffAccounts(
      StaffRepository repository,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.passwords = passwords;
    this.events = events;
    this.clock = clock;
  }

  /** A new account with its one-time password, shown to the admin once. */
  public record CreatedStaff(StaffMember member, String oneTimePassword) {}

  public List<StaffMember> all() {
    return repository.all();
  }

  public Optional<StaffMember> byEmail(String email) {
    return repository.byEmail(normalise(email));
  }

  public boolean isEmpty() {
    return repository.count() == 0;
  }

  /**
   * Creates an account. With a null {@code password} a one-time password is generated and must be
   * changed at first login.
   *
   * @throws InvalidStaffRequest for a malformed email, no role, a short password or a taken email
   */
  @Transactional
  public CreatedStaff create(
      String email, String displayName, Set<Role> roles, String password, String actor) {
    String address = normalise(email);
    if (!EMAIL.matcher(address).matches()) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "staff.email", "Enter a valid email address.");
    }
    if (roles == null || roles.isEmpty()) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "staff.roles", "Choose at least one role.");
    }
    if (repository.byEmail(address).isPresent()) {
      throw new InvalidStaffRequest(
          HttpStatus.CONFLICT, "staff.exists", "There is already an account for " + address + ".");
    }
    boolean oneTime = password == null;
    String secret = oneTime ? Secrets.random(12) : requireStrong(password);
    StaffMember member = insert(address, displayName, roles, secret, oneTime, actor);
    return new CreatedStaff(member, oneTime ? secret : null);
  }

  /**
   * Creates the account of someone the newsroom's provider signed in, with the roles its claim gave
   * them. It has no password anyone knows (an admin may reset one); nothing is announced beyond the
   * creation.
   *
   * @throws InvalidStaffRequest for a malformed email or no role
   */
  @Transactional
  public StaffMember createSignedOn(
      String email, String displayName, Set<Role> roles, String actor) {
    String address = normalise(email);
    if (!EMAIL.matcher(address).matches() || roles == null || roles.isEmpty()) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "staff.sign-on", "The provider gave no address or no role.");
    }
    return insert(address, displayName, roles, Secrets.random(24), false, actor);
  }

  private StaffMember insert(
      String address,
      String displayName,
      Set<Role> roles,
      String secret,
      boolean oneTime,
      String actor) {
    String name = displayName == null || displayName.isBlank() ? address : displayName.strip();
    long id =
        repository.insert(
            address,
            name,
            passwords.encode(secret),
            Role.toList(EnumSet.copyOf(roles)),
            oneTime,
            clock.instant());
    events.publishEvent(new StaffChanged(actor, "staff.created", address, Role.toList(roles)));
    return repository.byId(id).orElseThrow();
  }

  /** People the newsroom's provider signed in who wait for an admin to give them an account. */
  public List<SignInRequest> accountRequests() {
    return repository.accountRequests();
  }

  @Transactional
  public void setEnabled(long id, boolean enabled, String actor) {
    StaffMember member = require(id);
    if (!enabled && member.email().equals(normalise(actor))) {
      throw new InvalidStaffRequest(
          HttpStatus.CONFLICT, "staff.self", "You cannot disable your own account.");
    }
    repository.setEnabled(id, enabled);
    events.publishEvent(
        new StaffChanged(actor, enabled ? "staff.enabled" : "staff.disabled", member.email(), ""));
  }

  @Transactional
  public void setRoles(long id, Set<Role> roles, String actor) {
    StaffMember member = require(id);
    if (roles == null || roles.isEmpty()) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "staff.roles", "Choose at least one role.");
    }
    repository.setRoles(id, Role.toList(roles));
    events.publishEvent(new StaffChanged(actor, "staff.roles", member.email(), Role.toList(roles)));
  }

  /** Replaces the password with a one-time one and returns it, for the admin to pass on. */
  @Transactional
  public String resetPassword(long id, String actor) {
    StaffMember member = require(id);
    String secret = Secrets.random(12);
    repository.setPassword(id, passwords.encode(secret), true);
    events.publishEvent(new StaffChanged(actor, "staff.password-reset", member.email(), ""));
    return secret;
  }

  /**
   * Replaces a member's own password, which ends every session of the account.
   *
   * @return the account's new session version, for the session the change was made in to keep
   * @throws InvalidStaffRequest if the current password is wrong or the new one too short
   */
  @Transactional
  public long changePassword(String email, String current, String replacement) {
    StaffMember member =
        byEmail(email).orElseThrow(() -> new IllegalArgumentException("No such account"));
    String hash = repository.passwordHash(member.email()).orElseThrow();
    if (current == null || !passwords.matches(current, hash)) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "staff.password-wrong", "Your current password was not right.");
    }
    if (current.equals(replacement)) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST,
          "staff.password-same",
          "Choose a password you have not used here.");
    }
    repository.setPassword(member.id(), passwords.encode(requireStrong(replacement)), false);
    events.publishEvent(
        new StaffChanged(member.email(), "staff.password-changed", member.email(), ""));
    return repository.sessionVersion(member.id());
  }

  private StaffMember require(long id) {
    return repository
        .byId(id)
        .orElseThrow(
            () ->
                new InvalidStaffRequest(HttpStatus.NOT_FOUND, "staff.unknown", "No such account."));
  }

  private static String requireStrong(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST,
          "staff.password-short",
          "Passwords need at least " + MIN_PASSWORD + " characters.");
    }
    return password;
  }

  public static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
