package org.diwan.webhook;

import java.time.Instant;

/**
 * One delivery of one event to one endpoint, as the delivery log shows it. {@code lastStatus} is
 * the endpoint's last HTTP answer (null when none came), {@code nextAttemptAt} when a pending one
 * is tried again.
 */
public record WebhookDelivery(
    long id,
    long endpointId,
    String messageId,
    String eventType,
    long commentId,
    Instant occurredAt,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt) {

  public boolean pending() {
    return "PENDING".equals(status);
  }
}
