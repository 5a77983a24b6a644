package org.diwan.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.diwan.staff.InvalidStaffRequest;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffProperties;
import org.diwan.staff.internal.NewsroomProvider;
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
  private final NewsroomProvider provider;
  private final boolean passwordLogin;

  StaffPages(
      StaffAccounts accounts,
      StaffSessions sessions,
      NewsroomProvider provider,
      StaffProperties properties) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.provider = provider;
    this.passwordLogin = properties.staff().passwordLogin();
  }

  @GetMapping("/login")
  String login(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String out,
      @RequestParam(required = false) String locked,
      @RequestParam(required = false) String sso,
      Model model) {
    String message =
        locked != null
            ? "Too many failed attempts. Please wait a little before trying again, or log in from"
                + " a browser you have used here before."
            : error != null
                ? "That email and password do not match an active staff account."
                : sso != null ? signOnProblem(sso) : out != null ? "You have logged out." : null;
    return loginPage(model, message, error != null || locked != null || sso != null);
  }

  /** Reached only when password login is off: the form's filter is not there to take the post. */
  @PostMapping("/login")
  ModelAndView passwordRefused(Model model) {
    loginPage(
        model,
        "Signing in with a password is switched off on this site. Use the button below.",
        true);
    return new ModelAndView("staff/login", model.asMap(), HttpStatus.FORBIDDEN);
  }

  /** The sign-in button: on to the provider when it answers, back with a message when not. */
  @GetMapping({"/login/sso", "/oauth2/authorization/{registration}"})
  String signOn() {
    if (!provider.configured()) {
      return "redirect:/login";
    }
    return provider.reachable()
        ? "redirect:/oauth2/authorization/" + NewsroomProvider.ID
        : "redirect:/login?sso=unreachable";
  }

  private String loginPage(Model model, String message, boolean failed) {
    model.addAttribute("message", message);
    model.addAttribute("failed", failed);
    model.addAttribute("passwords", passwordLogin);
    model.addAttribute("signOn", provider.configured() ? provider.label() : null);
    return "staff/login";
  }

  private static String signOnProblem(String code) {
    return switch (code) {
      case "awaiting_account" ->
          "Your newsroom account is recognised, but you have no staff account here yet. An"
              + " administrator has been shown your request and can create one with your roles.";
      case "no_role" ->
          "The newsroom's directory gives you no role on this site. Ask an administrator.";
      case "disabled" -> "Your staff account is disabled. Ask an administrator.";
      case "other_subject" ->
          "This staff account belongs to another person at the newsroom's provider.";
      case "no_email" -> "The newsroom's provider did not confirm an e-mail address for you.";
      case "unreachable" ->
          "The newsroom's sign-in service cannot be reached just now. Please try again shortly.";
      default -> "Signing in through the newsroom's provider did not succeed. Please try again.";
    };
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
