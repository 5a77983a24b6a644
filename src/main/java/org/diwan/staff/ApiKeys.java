package org.diwan.staff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.diwan.staff.internal.Secrets;
import org.diwan.staff.internal.StaffRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys that integrations use to call the staff API with one role each. A key is shown once, when
 * created; only its hash is stored, and a revoked key stops working at once.
 */
@Service
public class ApiKeys {

  static final String PREFIX = "dwn_";

  private final StaffRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ApiKeys(StaffRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  /** A key just made: {@code key} is the secret, which cannot be shown again. */
  public record NewApiKey(long id, String name, Role role, String key) {}

  /** Makes a key for {@code actor}, a staff member's email (or the system's name). */
  @Transactional
  public NewApiKey create(String name, Role role, String actor) {
    return create(
        name,
        role,
        actor,
        repository.byEmail(StaffAccounts.normalise(actor)).map(StaffMember::id).orElse(null));
  }

  /**
   * Makes a key that acts for the staff account {@code creatorId}: a key made with another key
   * inherits that key's creator, so it cannot outlive the admin behind both.
   */
  @Transactional
  public NewApiKey create(String name, Role role, String actor, Long creatorId) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "key.name", "Give the key a name of 1 to 100 characters.");
    }
    if (role == null) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "key.role", "Choose the key's role: ADMIN, EDITOR or MODERATOR.");
    }
    String key = PREFIX + Secrets.random(32);
    long id =
        repository.insertKey(
            name.strip(), role, Secrets.sha256(key), actor, creatorId, clock.instant());
    events.publishEvent(new StaffChanged(actor, "key.created", name.strip(), role.name()));
    return new NewApiKey(id, name.strip(), role, key);
  }

  public List<ApiKey> all() {
    return repository.keys();
  }

  @Transactional
  public void revoke(long id, String actor) {
    if (!repository.revokeKey(id, clock.instant())) {
      throw new InvalidStaffRequest(
          HttpStatus.NOT_FOUND, "key.unknown", "There is no active key with id " + id + ".");
    }
    events.publishEvent(new StaffChanged(actor, "key.revoked", String.valueOf(id), ""));
  }

  /** The key's record, if it exists and is not revoked; check {@link ApiKey#creatorActive()}. */
  public Optional<ApiKey> authenticate(String key) {
    if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
      return Optional.empty();
    }
    return repository.activeKey(Secrets.sha256(key));
  }
}
