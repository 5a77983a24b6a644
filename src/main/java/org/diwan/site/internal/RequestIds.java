package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, taken from a well-formed {@code X-Request-Id} header (as a proxy sets
 * it) or made here, puts it in every log line of the request and answers it back, so a reader's
 * error report can be matched to the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

  static final String HEADER = "X-Request-Id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  // Ids need to be unique, not secret: a random prefix per start and a counter. (UUID.randomUUID()
  // took the JVM-wide SecureRandom lock on every request, and submissions queued behind it.)
  private final String prefix =
      Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE) + "-";
  private final AtomicLong count = new AtomicLong();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id =
        given != null && SAFE.matcher(given).matches()
            ? given
            : prefix + Long.toHexString(count.incrementAndGet());
    MDC.put("requestId", id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("requestId");
    }
  }
}
