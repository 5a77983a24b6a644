package org.diwan.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhook module's settings, bound from {@code diwan.webhooks.*}.
 *
 * @param privateAddresses whether endpoints may be on loopback, private, link-local (cloud
 *     metadata) or other non-public addresses; off, only public addresses are called
 * @param timeout how long one attempt may take, connection included, before it counts as failed
 * @param threads how many deliveries are sent at once
 * @param poll how often the sender looks for due deliveries
 */
@ConfigurationProperties("diwan.webhooks")
public record WebhookProperties(
    @DefaultValue("false") boolean privateAddresses,
    @DefaultValue("PT10S") Duration timeout,
    @DefaultValue("4") int threads,
    @DefaultValue("PT5S") Duration poll) {}
