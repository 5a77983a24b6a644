package org.diwan.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.diwan.webhook.internal.DeliveryRepository;
import org.diwan.webhook.internal.EndpointAddresses;
import org.diwan.webhook.internal.EndpointRepository;
import org.diwan.webhook.internal.Signatures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints and their delivery logs, for admins. Every change is published as a {@link
 * WebhookChanged} in its transaction, so the audit log's line commits with it. Thread-safe.
 */
@Service
public class Webhooks {

  /** How many deliveries an endpoint's log shows. */
  public static final int LOG = 100;

  static final int MAX_DESCRIPTION = 200;

  /** How long a delivery is retried before it is marked failed. */
  public static final Duration RETRIED_FOR = Duration.ofDays(1);

  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final EndpointAddresses addresses;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Webhooks(
      EndpointRepository endpoints,
      DeliveryRepository deliveries,
      EndpointAddresses addresses,
      ApplicationEventPublisher events,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.addresses = addresses;
    this.events = events;
    this.clock = clock;
  }

  /** A new endpoint and its signing secret, which is shown this once. */
  public record Registered(WebhookEndpoint endpoint, String secret) {}

  /**
   * Registers an endpoint for {@code wanted} events.
   *
   * @throws InvalidWebhook for a refused URL, a long description or no events
   */
  @Transactional
  public Registered register(
      String url, String description, Set<WebhookEvent> wanted, String actor) {
    String address = addresses.parse(url).toString();
    String about = description == null ? "" : description.strip();
    if (about.length() > MAX_DESCRIPTION) {
      throw new InvalidWebhook(
          "The description can be at most " + MAX_DESCRIPTION + " characters.");
    }
    if (wanted == null || wanted.isEmpty()) {
      throw new InvalidWebhook("Choose at least one event to send.");
    }
    String secret = Signatures.newSecret();
    long id = endpoints.insert(address, about, wanted, secret, clock.instant(), actor);
    events.publishEvent(
        new WebhookChanged(actor, "webhook.created", address, WebhookEvent.toList(wanted)));
    return new Registered(endpoint(id), secret);
  }

  public List<WebhookEndpoint> all() {
    return endpoints.all();
  }

  /**
   * @throws InvalidWebhook when there is no such endpoint
   */
  public WebhookEndpoint endpoint(long id) {
    return endpoints.find(id).orElseThrow(() -> new InvalidWebhook("There is no such endpoint."));
  }

  @Transactional
  public void setEnabled(long id, boolean enabled, String actor) {
    WebhookEndpoint endpoint = endpoint(id);
    endpoints.setEnabled(id, enabled);
    events.publishEvent(
        new WebhookChanged(
            actor, enabled ? "webhook.enabled" : "webhook.disabled", endpoint.url(), ""));
  }

  /** Gives the endpoint a new secret, shown this once; the old one stops signing at once. */
  @Transactional
  public String rotateSecret(long id, String actor) {
    WebhookEndpoint endpoint = endpoint(id);
    String secret = Signatures.newSecret();
    endpoints.setSecret(id, secret);
    events.publishEvent(new WebhookChanged(actor, "webhook.secret-rotated", endpoint.url(), ""));
    return secret;
  }

  /** Deletes the endpoint with its delivery log; deliveries still waiting are dropped. */
  @Transactional
  public void delete(long id, String actor) {
    WebhookEndpoint endpoint = endpoint(id);
    endpoints.delete(id);
    events.publishEvent(new WebhookChanged(actor, "webhook.deleted", endpoint.url(), ""));
  }

  /** The endpoint's newest deliveries, newest first. */
  public List<WebhookDelivery> deliveries(long endpointId) {
    endpoint(endpointId);
    return deliveries.newest(endpointId, LOG);
  }

  /**
   * Sends a delivery again as soon as the sender next looks, with the same webhook-id and a day of
   * retries.
   *
   * @throws InvalidWebhook when the endpoint has no such delivery
   */
  @Transactional
  public void redeliver(long endpointId, long deliveryId, String actor) {
    WebhookEndpoint endpoint = endpoint(endpointId);
    Instant now = clock.instant();
    if (!deliveries.redeliver(endpointId, deliveryId, now, now.plus(RETRIED_FOR))) {
      throw new InvalidWebhook("That endpoint has no such delivery.");
    }
    events.publishEvent(
        new WebhookChanged(actor, "webhook.redelivered", endpoint.url(), "delivery " + deliveryId));
  }
}
