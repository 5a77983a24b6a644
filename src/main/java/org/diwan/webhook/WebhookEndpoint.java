package org.diwan.webhook;

import java.time.Instant;
import java.util.Set;

/** A registered endpoint, as the admin pages show it: never with its secret. */
public record WebhookEndpoint(
    long id,
    String url,
    String description,
    Set<WebhookEvent> events,
    boolean enabled,
    Instant createdAt,
    String createdBy) {

  public WebhookEndpoint {
    events = Set.copyOf(events);
  }
}
