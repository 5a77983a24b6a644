package org.diwan.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most {@code diwan.limits.concurrent-requests} requests at once and answers the rest 503
 * with Retry-After straight away: under overload readers get a quick answer instead of a queue that
 * grows until everything times out. Health checks are never turned away.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConcurrencyLimit extends OncePerRequestFilter {

  private final Semaphore permits;

  ConcurrencyLimit(@Value("${diwan.limits.concurrent-requests:200}") int limit) {
    this.permits = new Semaphore(Math.max(1, limit));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().startsWith("/actuator/health")) {
      chain.doFilter(request, response);
      return;
    }
    if (!permits.tryAcquire()) {
      response.setHeader("Retry-After", "2");
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("text/plain;charset=UTF-8");
      response
          .getWriter()
          .write("The site is very busy right now. Please try again in a moment.\n");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }
}
