package org.diwan.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: after {@code diwan.limits.login-failures} failed logins (form, HTTP
 * Basic or API key) an account must wait 15 minutes, and so must an address after four times as
 * many; 0 switches this off. While blocked, login attempts are answered 429 before any password is
 * checked, so a correct guess cannot be told apart from a wrong one.
 */
@Component
class LoginThrottle {

  static final Duration WINDOW = Duration.ofMinutes(15);

  private final int maxFailures;
  private final Cache<String, AtomicInteger> failures =
      Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(200_000).build();

  LoginThrottle(@Value("${diwan.limits.login-failures:5}") int maxFailures) {
    this.maxFailures = maxFailures;
  }

  void failed(String account, String address) {
    if (account != null && !account.isBlank()) {
      count("account:" + StaffAccounts.normalise(account));
    }
    if (address != null) {
      count("address:" + address);
    }
  }

  void succeeded(String account) {
    failures.invalidate("account:" + StaffAccounts.normalise(account));
  }

  boolean blocked(String account, String address) {
    if (maxFailures <= 0) {
      return false;
    }
    return (account != null && over("account:" + StaffAccounts.normalise(account), maxFailures))
        || (address != null && over("address:" + address, maxFailures * 4));
  }

  private void count(String key) {
    failures.get(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private boolean over(String key, int limit) {
    AtomicInteger count = failures.getIfPresent(key);
    return count != null && count.get() >= limit;
  }

  /** Refuses login attempts from a blocked account or address before they are checked. */
  OncePerRequestFilter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String account = attemptedAccount(request);
        boolean attempt = account != null || request.getHeader("Authorization") != null;
        if (attempt && blocked(account, request.getRemoteAddr())) {
          response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
          if (request.getRequestURI().startsWith("/api/")) {
            ProblemResponses.write(
                response,
                429,
                "Too many failed logins",
                "auth.throttled",
                "Too many failed attempts. Wait 15 minutes before trying again.");
          } else {
            response.setStatus(429);
            response.sendRedirect("/login?locked");
          }
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }

  private static String attemptedAccount(HttpServletRequest request) {
    if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
      String username = request.getParameter("username");
      return username == null ? "" : username;
    }
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return null;
  }
}
