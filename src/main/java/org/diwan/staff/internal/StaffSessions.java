package org.diwan.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.diwan.staff.StaffProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends staff sessions that must not go on: the account was disabled, its password changed or reset,
 * or its roles changed since the session began (each raises the account's session version in the
 * database), or the session is older than {@code diwan.staff.session-lifetime} however busy it was.
 *
 * <p>Every request that carries a staff session reads the account's row (one read by its unique
 * email, no cache), so a disable takes effect at once on every instance behind a balancer. Readers
 * have no session and cost nothing here. An ended session is invalidated and the request goes on
 * anonymous: a staff page then asks for a login, a form post is refused for want of its token.
 */
@Component
public class StaffSessions {

  static final String VERSION = "diwan.staff.session-version";
  static final String SINCE = "diwan.staff.logged-in-at";

  private final StaffRepository repository;
  private final Clock clock;
  private final Duration lifetime;

  StaffSessions(StaffRepository repository, Clock clock, StaffProperties properties) {
    this.repository = repository;
    this.clock = clock;
    this.lifetime = properties.staff().sessionLifetime();
  }

  /** Called at login: the session remembers the account's version and when it began. */
  void begin(HttpServletRequest request, Authentication authentication) {
    if (authentication.getPrincipal() instanceof StaffPrincipal user) {
      HttpSession session = request.getSession();
      session.setAttribute(VERSION, user.sessionVersion());
      session.setAttribute(SINCE, clock.instant().toEpochMilli());
    }
  }

  /**
   * Where a sign-in (password or the newsroom's provider) goes next (the page asked for, or
   * /staff), once the session is marked.
   */
  AuthenticationSuccessHandler successHandler(RequestCache requests, LoginThrottle throttle) {
    SavedRequestAwareAuthenticationSuccessHandler next =
        new SavedRequestAwareAuthenticationSuccessHandler();
    next.setDefaultTargetUrl("/staff");
    next.setRequestCache(requests);
    return (request, response, authentication) -> {
      begin(request, authentication);
      // This browser is known for the account from now on (LoginThrottle).
      response.addCookie(throttle.knownBrowserCookie(authentication.getName(), request.isSecure()));
      next.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /**
   * After the signed-in member changed their own password: this session goes on with the new
   * version, every other session of the account has ended.
   */
  public void keepCurrent(HttpServletRequest request, long version) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(VERSION, version);
    }
  }

  /** Whether a session begun at {@code since} with {@code version} may still act at {@code now}. */
  static boolean withinLifetime(Instant since, Instant now, Duration lifetime) {
    return !now.isBefore(since) && Duration.between(since, now).compareTo(lifetime) < 0;
  }

  private boolean stillValid(HttpSession session, String email) {
    if (!(session.getAttribute(VERSION) instanceof Long version)
        || !(session.getAttribute(SINCE) instanceof Long since)) {
      return false;
    }
    return withinLifetime(Instant.ofEpochMilli(since), clock.instant(), lifetime)
        && repository.sessionStillValid(email, version);
  }

  OncePerRequestFilter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
          Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
          if (authentication != null
              && authentication.getPrincipal() instanceof StaffPrincipal
              && !stillValid(session, authentication.getName())) {
            session.invalidate();
            SecurityContextHolder.clearContext();
          }
        }
        chain.doFilter(request, response);
      }
    };
  }
}
