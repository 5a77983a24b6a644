package org.diwan.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.diwan.staff.InvalidStaffRequest;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.internal.StaffSessions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The login page, the staff start page and the page to change one's own password. */
@Controller
class StaffPages {

  private final StaffAccounts accounts;
  private final StaffSessions sessions;

  StaffPages(StaffAccounts accounts, StaffSessions sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String out,
      @RequestParam(required = false) String locked,
      Model model) {
    model.addAttribute(
        "message",
        locked != null
            ? "Too many failed attempts. Please wait a little before trying again, or log in from"
                + " a browser you have used here before."
            : error != null
                ? "That email and password do not match an active staff account."
                : out != null ? "You have logged out." : null);
    model.addAttribute("failed", error != null || locked != null);
    return "staff/login";
  }

  @GetMapping("/staff")
  String home(Principal user, Model model) {
    model.addAttribute("member", accounts.byEmail(user.getName()).orElseThrow());
    return "staff/home";
  }

  @GetMapping("/account/password")
  String passwordForm(Principal user, Model model) {
    model.addAttribute("member", accounts.byEmail(user.getName()).orElseThrow());
    model.addAttribute("message", null);
    return "staff/password";
  }

  @PostMapping("/account/password")
  ModelAndView changePassword(
      Principal user,
      HttpServletRequest request,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String replacement,
      @RequestParam(defaultValue = "") String repeat,
      Model model) {
    model.addAttribute("member", accounts.byEmail(user.getName()).orElseThrow());
    if (!replacement.equals(repeat)) {
      model.addAttribute("message", "The two new passwords were not the same.");
      return new ModelAndView("staff/password", model.asMap(), HttpStatus.BAD_REQUEST);
    }
    try {
      // Every other session of the account ends; this one goes on.
      sessions.keepCurrent(request, accounts.changePassword(user.getName(), current, replacement));
    } catch (InvalidStaffRequest refused) {
      model.addAttribute("message", refused.getMessage());
      return new ModelAndView("staff/password", model.asMap(), HttpStatus.BAD_REQUEST);
    }
    return new ModelAndView("redirect:/staff?password-changed");
  }
}
