package org.diwan.staff;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in staff member's email ({@code staffUser}, null for readers) and the
 * CSRF token ({@code csrf}) that the staff bar's log-out form and the consoles' forms carry.
 */
@ControllerAdvice
class StaffPageModel {

  @ModelAttribute("staffUser")
  String staffUser(Authentication authentication) {
    return authentication == null || authentication instanceof AnonymousAuthenticationToken
        ? null
        : authentication.getName();
  }

  @ModelAttribute("csrf")
  CsrfToken csrf(CsrfToken token) {
    return token;
  }
}
