package org.diwan.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.diwan.webhook.WebhookEndpoint;
import org.diwan.webhook.WebhookEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} table. */
@Repository
public class EndpointRepository {

  private static final String COLUMNS =
      "id, url, description, events, enabled, created_at, created_by";

  private final JdbcClient jdbc;

  EndpointRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Where and with what key the sender signs for an endpoint. */
  record Target(String url, String secret, boolean enabled) {}

  public long insert(
      String url,
      String description,
      Set<WebhookEvent> events,
      String secret,
      Instant at,
      String by) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO webhook_endpoint (url, description, events, secret, enabled, created_at,"
                + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(url, description, WebhookEvent.toList(events), secret, true, at.toEpochMilli(), by)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public List<WebhookEndpoint> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY id")
        .query((rs, n) -> endpoint(rs))
        .list();
  }

  public Optional<WebhookEndpoint> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?")
        .param(id)
        .query((rs, n) -> endpoint(rs))
        .optional();
  }

  /** The enabled endpoints that asked for {@code event}. */
  List<Long> listening(WebhookEvent event) {
    return jdbc
        .sql("SELECT id, events FROM webhook_endpoint WHERE enabled = ?")
        .param(true)
        .query(
            (rs, n) ->
                WebhookEvent.fromList(rs.getString(2)).contains(event) ? rs.getLong(1) : null)
        .list()
        .stream()
        .filter(id -> id != null)
        .toList();
  }

  Optional<Target> target(long id) {
    return jdbc.sql("SELECT url, secret, enabled FROM webhook_endpoint WHERE id = ?")
        .param(id)
        .query((rs, n) -> new Target(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .optional();
  }

  public boolean setEnabled(long id, boolean enabled) {
    return jdbc.sql("UPDATE webhook_endpoint SET enabled = ? WHERE id = ?")
            .params(enabled, id)
            .update()
        == 1;
  }

  public boolean setSecret(long id, String secret) {
    return jdbc.sql("UPDATE webhook_endpoint SET secret = ? WHERE id = ?")
            .params(secret, id)
            .update()
        == 1;
  }

  /** Deletes the endpoint and its delivery log; call in a transaction. */
  public boolean delete(long id) {
    jdbc.sql("DELETE FROM webhook_delivery WHERE endpoint_id = ?").param(id).update();
    return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update() == 1;
  }

  private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
    return new WebhookEndpoint(
        rs.getLong("id"),
        rs.getString("url"),
        rs.getString("description"),
        WebhookEvent.fromList(rs.getString("events")),
        rs.getBoolean("enabled"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getString("created_by"));
  }
}
