package org.diwan.staff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diwan.staff.ApiKey;
import org.diwan.staff.Role;
import org.diwan.staff.SignInRequest;
import org.diwan.staff.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts and API keys in plain SQL. */
@Repository
public class StaffRepository {

  private static final String COLUMNS =
      "id, email, display_name, roles, enabled, password_change_needed, created_at";

  private final JdbcClient jdbc;

  StaffRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single();
  }

  public List<StaffMember> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff ORDER BY email")
        .query(StaffRepository::member)
        .list();
  }

  public Optional<StaffMember> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE id = ?")
        .param(id)
        .query(StaffRepository::member)
        .optional();
  }

  public Optional<StaffMember> byEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM staff WHERE email = ?")
        .param(email)
        .query(StaffRepository::member)
        .optional();
  }

  public Optional<String> passwordHash(String email) {
    return jdbc.sql("SELECT password_hash FROM staff WHERE email = ?")
        .param(email)
        .query(String.class)
        .optional();
  }

  public long insert(
      String email, String name, String hash, String roles, boolean change, Instant at) {
    return jdbc.sql(
            "INSERT INTO staff (email, display_name, password_hash, roles, enabled,"
                + " password_change_needed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(email, name, hash, roles, true, change, at.toEpochMilli())
        .query(Long.class)
        .single();
  }

  /** Disabling also ends the account's sessions (its session version goes up). */
  public boolean setEnabled(long id, boolean enabled) {
    return jdbc.sql(
                "UPDATE staff SET enabled = ?, session_version = session_version + ? WHERE id = ?")
            .params(enabled, enabled ? 0 : 1, id)
            .update()
        == 1;
  }

  /** A role change ends the account's sessions: they were made with the old roles. */
  public boolean setRoles(long id, String roles) {
    return jdbc.sql(
                "UPDATE staff SET roles = ?, session_version = session_version + 1 WHERE id = ?")
            .params(roles, id)
            .update()
        == 1;
  }

  /** A new password ends the account's sessions. */
  public boolean setPassword(long id, String hash, boolean changeNeeded) {
    return jdbc.sql(
                "UPDATE staff SET password_hash = ?, password_change_needed = ?,"
                    + " session_version = session_version + 1 WHERE id = ?")
            .params(hash, changeNeeded, id)
            .update()
        == 1;
  }

  /** What a login needs: the hash and the session version, read together. */
  record Credentials(StaffMember member, String passwordHash, long sessionVersion) {}

  Optional<Credentials> credentials(String email) {
    return jdbc.sql(
            "SELECT " + COLUMNS + ", password_hash, session_version FROM staff WHERE email = ?")
        .param(email)
        .query(
            (rs, n) ->
                new Credentials(
                    member(rs, n), rs.getString("password_hash"), rs.getLong("session_version")))
        .optional();
  }

  /** The provider subject the account {@code email} is bound to, if it has signed on. */
  Optional<String> signOnSubject(String email) {
    return jdbc.sql("SELECT oidc_subject FROM staff WHERE email = ? AND oidc_subject IS NOT NULL")
        .param(email)
        .query(String.class)
        .optional();
  }

  /** Binds account {@code id} to {@code subject} unless it is bound already; whether it now is. */
  boolean bindSignOn(long id, String subject) {
    return jdbc.sql("UPDATE staff SET oidc_subject = ? WHERE id = ? AND oidc_subject IS NULL")
            .params(subject, id)
            .update()
        > 0;
  }

  /** Someone signed in through the provider and has no account yet: an admin will see them. */
  void requestAccount(String email, String name, Instant at) {
    jdbc.sql(
            "INSERT INTO staff_sign_in_request (email, display_name, first_at, last_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (email) DO UPDATE"
                + " SET display_name = excluded.display_name, last_at = excluded.last_at")
        .params(email, name, at.toEpochMilli(), at.toEpochMilli())
        .update();
  }

  /** People waiting for an account, longest waiting first. */
  public List<SignInRequest> accountRequests() {
    return jdbc.sql(
            "SELECT r.email, r.display_name, r.first_at, r.last_at FROM staff_sign_in_request r"
                + " WHERE NOT EXISTS (SELECT 1 FROM staff s WHERE s.email = r.email)"
                + " ORDER BY r.first_at, r.email")
        .query(
            (rs, n) ->
                new SignInRequest(
                    rs.getString(1),
                    rs.getString(2),
                    Instant.ofEpochMilli(rs.getLong(3)),
                    Instant.ofEpochMilli(rs.getLong(4))))
        .list();
  }

  void forgetAccountRequest(String email) {
    jdbc.sql("DELETE FROM staff_sign_in_request WHERE email = ?").param(email).update();
  }

  /** Whether a session made with {@code version} may still act: one read by the unique email. */
  boolean sessionStillValid(String email, long version) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM staff WHERE email = ? AND enabled = ? AND session_version = ?")
            .params(email, true, version)
            .query(Long.class)
            .single()
        > 0;
  }

  public long sessionVersion(long id) {
    return jdbc.sql("SELECT session_version FROM staff WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  public long insertKey(
      String name, Role role, String hash, String createdBy, Long creatorId, Instant at) {
    return jdbc.sql(
            "INSERT INTO api_key (name, role, key_hash, created_by, creator_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
        .params(name, role.name(), hash, createdBy, creatorId, at.toEpochMilli())
        .query(Long.class)
        .single();
  }

  /** A key with its creator's account state, read in the same statement. */
  private static final String KEY_COLUMNS =
      "SELECT k.id, k.name, k.role, k.created_by, k.created_at, k.revoked_at, k.creator_id,"
          + " s.enabled AS creator_enabled, s.roles AS creator_roles"
          + " FROM api_key k LEFT JOIN staff s ON s.id = k.creator_id";

  public Optional<ApiKey> activeKey(String hash) {
    return jdbc.sql(KEY_COLUMNS + " WHERE k.key_hash = ? AND k.revoked_at IS NULL")
        .param(hash)
        .query(StaffRepository::key)
        .optional();
  }

  public List<ApiKey> keys() {
    return jdbc.sql(KEY_COLUMNS + " ORDER BY k.id").query(StaffRepository::key).list();
  }

  public boolean revokeKey(long id, Instant at) {
    return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            .params(at.toEpochMilli(), id)
            .update()
        == 1;
  }

  private static StaffMember member(ResultSet rs, int n) throws SQLException {
    return new StaffMember(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        Role.fromList(rs.getString("roles")),
        rs.getBoolean("enabled"),
        rs.getBoolean("password_change_needed"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static ApiKey key(ResultSet rs, int n) throws SQLException {
    long revoked = rs.getLong("revoked_at");
    // wasNull() speaks of the column read last: ask before reading another.
    Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
    return new ApiKey(
        rs.getLong("id"),
        rs.getString("name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        revokedAt,
        creatorId(rs),
        creatorActive(rs));
  }

  private static Long creatorId(ResultSet rs) throws SQLException {
    long id = rs.getLong("creator_id");
    return rs.wasNull() ? null : id;
  }

  /** No recorded creator (the system's keys): active; otherwise an enabled admin. */
  private static boolean creatorActive(ResultSet rs) throws SQLException {
    if (creatorId(rs) == null) {
      return true;
    }
    String roles = rs.getString("creator_roles");
    return rs.getBoolean("creator_enabled")
        && roles != null
        && Role.fromList(roles).contains(Role.ADMIN);
  }
}
