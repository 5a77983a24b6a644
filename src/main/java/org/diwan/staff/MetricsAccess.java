package org.diwan.staff;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may scrape {@code /actuator/prometheus}, bound from {@code diwan.metrics.*}: an API key (or a
 * staff account, with HTTP Basic) holding {@code role}, or any client whose address is in one of
 * {@code networks}. Everyone else is refused.
 *
 * @param role the role whose keys and accounts may scrape
 * @param networks addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) that may scrape
 *     without credentials; empty: none. The address is the client's as Tomcat sees it, so behind a
 *     proxy it is the proxy's unless the proxy is listed in {@code DIWAN_TRUSTED_PROXIES}
 */
@ConfigurationProperties("diwan.metrics")
public record MetricsAccess(
    @DefaultValue("ADMIN") Role role, @DefaultValue("") List<String> networks) {}
