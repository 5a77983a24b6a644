package org.diwan.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics module's settings, bound from {@code diwan.metrics.*}; who may scrape is {@link
 * org.diwan.staff.MetricsAccess}.
 *
 * @param gaugeRefresh the queue's gauges are read from the database at most this often (counting a
 *     deep queue takes a while); 0: on every scrape
 */
@ConfigurationProperties("diwan.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration gaugeRefresh) {}
