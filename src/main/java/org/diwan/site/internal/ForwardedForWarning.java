package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Warns, at most once every ten minutes, when a request carries {@code X-Forwarded-For} from an
 * address not listed in {@code DIWAN_TRUSTED_PROXIES}. The header is then ignored, as it must be,
 * but behind a proxy that means every reader shares the proxy's address: one reader's comments or
 * failed logins would count against all. (A trusted proxy's header is consumed before this runs.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ForwardedForWarning extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ForwardedForWarning.class);
  private static final long EVERY_NANOS = 10L * 60 * 1_000_000_000;

  private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - EVERY_NANOS);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader("X-Forwarded-For") != null) {
      long now = System.nanoTime();
      long last = lastWarned.get();
      if (now - last >= EVERY_NANOS && lastWarned.compareAndSet(last, now)) {
        log.warn(
            "A request from {} carried X-Forwarded-For, which was ignored: that address is not in"
                + " DIWAN_TRUSTED_PROXIES. If it is your reverse proxy, list it there, or every"
                + " client shares its address for rate limits and login throttling.",
            request.getRemoteAddr());
      }
    }
    chain.doFilter(request, response);
  }
}
