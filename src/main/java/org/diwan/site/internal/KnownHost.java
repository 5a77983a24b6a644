package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.diwan.site.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code DIWAN_BASE_URL} set, answers only requests for that host (and for this machine's own
 * names, which health checks and a proxy on the same machine use): a request with another {@code
 * Host} gets 400, so a shared cache that ignores the Host header cannot be handed pages made for a
 * host of the attacker's choosing. Health checks and metrics scrapes are answered whatever the
 * host. Without a base URL absolute links follow each request's Host, and a warning at start says
 * to set it in production.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class KnownHost extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(KnownHost.class);
  private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
  private static final long EVERY_NANOS = 10L * 60 * 1_000_000_000;

  private final String host;
  private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - EVERY_NANOS);

  KnownHost(SiteProperties properties) {
    String base = properties.baseUrl();
    if (base == null || base.isBlank()) {
      this.host = null;
      log.warn(
          "DIWAN_BASE_URL is empty, so the feed, sitemap and links follow each request's Host"
              + " header. Set it in production: requests for other hosts are then refused.");
    } else {
      String named = URI.create(base.strip()).getHost();
      this.host = named == null ? null : named.toLowerCase(Locale.ROOT);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // A scraper names the instance it scrapes (host:port), not the site; what it reads does not
    // depend on the host, and only the scrape role or networks may read it.
    String path = request.getRequestURI();
    return host == null
        || path.startsWith("/actuator/health")
        || path.startsWith("/actuator/prometheus");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String asked = request.getServerName().toLowerCase(Locale.ROOT);
    if (asked.equals(host) || LOCAL.contains(asked)) {
      chain.doFilter(request, response);
      return;
    }
    long now = System.nanoTime();
    long last = lastWarned.get();
    if (now - last >= EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
      log.warn(
          "Refused a request for host {}: DIWAN_BASE_URL names {}. A proxy in front must pass the"
              + " public Host header (nginx: proxy_set_header Host $host).",
          asked,
          host);
    }
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }
}
