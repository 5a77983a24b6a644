package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's parameters (query string and form) first, and answers 400 when they cannot
 * be decoded, such as {@code ?x=%ff} or an overlong UTF-8 sequence, which the container refuses to
 * decode: otherwise the first filter or controller to ask for a parameter failed with a 500 and a
 * stack trace in the log. One line is logged, without the values (they may hold an address).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MalformedParameters extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(MalformedParameters.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParameterMap();
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e.getClass().getName().startsWith("org.apache.tomcat.util.http.")) {
        log.info(
            "Refused {} {}: its parameters are not well-formed UTF-8",
            request.getMethod(),
            request.getRequestURI());
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        return;
      }
      throw e;
    }
    chain.doFilter(request, response);
  }
}
