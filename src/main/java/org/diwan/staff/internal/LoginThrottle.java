package org.diwan.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffProperties;
import org.diwan.storage.KeyedHash;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without handing anyone a lever against the staff it protects.
 *
 * <ul>
 *   <li>After {@code diwan.limits.login-failures} failed passwords (form or HTTP Basic), further
 *       attempts must wait, 30 s at first and doubling with each further failure up to 15 minutes;
 *       0 switches this off. While waiting, attempts are answered 429 before any password is
 *       checked, so a correct guess cannot be told apart from a wrong one.
 *   <li>The browser a member of staff logged in from before carries a signed cookie naming their
 *       account (a "known browser"); its failures are counted for it alone. Failures from anywhere
 *       else are counted for the account, so a stranger's guesses make strangers wait and never
 *       lock the owner out of their usual browser: a step up rather than a lock.
 *   <li>An address waits after four times as many failures, whoever they were for.
 *   <li>API keys are never refused for password failures, and an unknown key is not counted: 256
 *       random bits are not guessed.
 *   <li>Failures are counted in the database, under keyed hashes, so every instance of a cluster
 *       counts the same attempts and a restart forgives nothing.
 * </ul>
 */
@Component
class LoginThrottle {

  static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final String KNOWN_BROWSER = "diwan_known_browser";
  private static final Duration KNOWN_FOR = Duration.ofDays(180);

  private final int maxFailures;
  private final KeyedHash signatures;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  /** How often something failed, and when last. */
  private record Failures(int count, Instant last) {}

  LoginThrottle(
      StaffProperties properties,
      KeyedHash signatures,
      Clock clock,
      JdbcClient jdbc,
      PlatformTransactionManager transactions) {
    this.maxFailures = properties.limits().loginFailures();
    this.signatures = signatures;
    this.clock = clock;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
  }

  /** A failed password for {@code account} from {@code address}, in {@code browser}'s cookie. */
  void failed(String account, String address, String browser) {
    if (account != null && !account.isBlank()) {
      count(counterFor(StaffAccounts.normalise(account), browser));
    }
    if (address != null) {
      count("address:" + address);
    }
  }

  /** A login that worked: its own counter starts again. */
  void succeeded(String account, String browser) {
    String key = stored(counterFor(StaffAccounts.normalise(account), browser));
    transactions.executeWithoutResult(
        t -> jdbc.sql("DELETE FROM login_failure WHERE key = ?").param(key).update());
  }

  /** How long this attempt must still wait; zero when it may go ahead. */
  Duration waitFor(String account, String address, String browser) {
    if (maxFailures <= 0) {
      return Duration.ZERO;
    }
    Duration wait = Duration.ZERO;
    if (account != null) {
      wait = remaining(counterFor(StaffAccounts.normalise(account), browser), maxFailures);
    }
    if (address != null) {
      Duration byAddress = remaining("address:" + address, maxFailures * 4);
      wait = byAddress.compareTo(wait) > 0 ? byAddress : wait;
    }
    return wait;
  }

  private String counterFor(String account, String browser) {
    String known = knownBrowser(account, browser);
    return known != null ? "browser:" + known : "account:" + account;
  }

  /**
   * Counts a failure in the database, where every instance counts: a count whose last failure is
   * older than the longest wait starts again.
   */
  private void count(String key) {
    long now = clock.millis();
    long forgotten = now - LONGEST_WAIT.toMillis();
    transactions.executeWithoutResult(
        t -> {
          jdbc.sql(
                  "INSERT INTO login_failure (key, failures, last_at) VALUES (?, 1, ?)"
                      + " ON CONFLICT (key) DO UPDATE SET failures = CASE"
                      + " WHEN login_failure.last_at < ? THEN 1"
                      + " ELSE login_failure.failures + 1 END, last_at = EXCLUDED.last_at")
              .params(stored(key), now, forgotten)
              .update();
          jdbc.sql("DELETE FROM login_failure WHERE last_at < ?").param(forgotten).update();
        });
  }

  /** What a counter is stored under: a keyed hash, so the table names no account or address. */
  private String stored(String key) {
    return signatures.of("login-failures|" + key);
  }

  private Failures failures(String key) {
    long forgotten = clock.millis() - LONGEST_WAIT.toMillis();
    return jdbc.sql("SELECT failures, last_at FROM login_failure WHERE key = ? AND last_at >= ?")
        .params(stored(key), forgotten)
        .query((rs, row) -> new Failures(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))))
        .optional()
        .orElse(null);
  }

  private Duration remaining(String key, int allowed) {
    Failures seen = failures(key);
    if (seen == null || seen.count() < allowed) {
      return Duration.ZERO;
    }
    int doublings = Math.min(seen.count() - allowed, 10);
    Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
    wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    Duration left = Duration.between(clock.instant(), seen.last().plus(wait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The cookie that makes this browser known for {@code account}, set after a form login. */
  Cookie knownBrowserCookie(String account, boolean secure) {
    String id = Secrets.random(16);
    Cookie cookie =
        new Cookie(KNOWN_BROWSER, id + "." + signature(StaffAccounts.normalise(account), id));
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setPath("/login");
    cookie.setMaxAge((int) KNOWN_FOR.toSeconds());
    cookie.setAttribute("SameSite", "Strict");
    return cookie;
  }

  /** The browser's id when its cookie was signed here for this very account, else null. */
  private String knownBrowser(String account, String browser) {
    if (browser == null || browser.length() > 200) {
      return null;
    }
    int dot = browser.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    String id = browser.substring(0, dot);
    return signature(account, id).equals(browser.substring(dot + 1)) ? id : null;
  }

  private String signature(String account, String id) {
    return signatures.of("known-browser|" + account + "|" + id).substring("hmac:".length());
  }

  static String browserOf(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (KNOWN_BROWSER.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  /** Makes password attempts that must wait wait, before any password is checked. */
  OncePerRequestFilter filter(AccessProblems problems) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String account = attemptedAccount(request);
        Duration wait =
            account == null
                ? Duration.ZERO
                : waitFor(account, request.getRemoteAddr(), browserOf(request));
        if (!wait.isZero()) {
          response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
          if (request.getRequestURI().startsWith("/api/")) {
            problems.send(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins",
                "auth.throttled",
                "Too many failed attempts. Wait as long as Retry-After says before trying again.");
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

  /** The account a password attempt is for: the login form's or HTTP Basic's; null for neither. */
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
