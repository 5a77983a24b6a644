package org.diwan.staff;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's login events into {@link StaffChanged} events for the audit log. */
@Component
class LoginAudit {

  private final ApplicationEventPublisher events;

  LoginAudit(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  void succeeded(InteractiveAuthenticationSuccessEvent event) {
    String who = event.getAuthentication().getName();
    events.publishEvent(new StaffChanged(who, "login.succeeded", who, ""));
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String who = StaffAccounts.normalise(String.valueOf(event.getAuthentication().getPrincipal()));
    events.publishEvent(
        new StaffChanged(
            "anonymous", "login.failed", who, event.getException().getClass().getSimpleName()));
  }
}
