package org.diwan.staff.internal;

import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns Spring Security's login events into {@link StaffChanged} events for the audit log, and
 * counts failures for the {@link LoginThrottle}.
 */
@Component
class LoginAudit {

  private final ApplicationEventPublisher events;
  private final LoginThrottle throttle;

  LoginAudit(ApplicationEventPublisher events, LoginThrottle throttle) {
    this.events = events;
    this.throttle = throttle;
  }

  @EventListener
  void succeeded(InteractiveAuthenticationSuccessEvent event) {
    String who = event.getAuthentication().getName();
    throttle.succeeded(who, browser());
    events.publishEvent(new StaffChanged(who, "login.succeeded", who, ""));
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String who = StaffAccounts.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
    Object details = event.getAuthentication().getDetails();
    throttle.failed(
        who,
        details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null,
        browser());
    events.publishEvent(
        new StaffChanged(
            "anonymous", "login.failed", who, event.getException().getClass().getSimpleName()));
  }

  /** The known-browser cookie of the request being served, if there is one. */
  private static String browser() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
        ? LoginThrottle.browserOf(current.getRequest())
        : null;
  }
}
