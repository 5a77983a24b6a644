package org.diwan.staff.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.InvalidStaffRequest;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for staff accounts and API keys. */
@Controller
class AdminPages {

  private final StaffAccounts accounts;
  private final ApiKeys keys;

  AdminPages(StaffAccounts accounts, ApiKeys keys) {
    this.accounts = accounts;
    this.keys = keys;
  }

  @GetMapping("/admin")
  String admin() {
    return "redirect:/admin/staff";
  }

  @GetMapping("/admin/staff")
  String staff(
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String name,
      Model model) {
    // Filled in from a waiting request's "Create an account" link.
    model.addAttribute("email", email);
    model.addAttribute("name", name);
    model.addAttribute("members", accounts.all());
    model.addAttribute("requests", accounts.accountRequests());
    model.addAttribute("roles", List.of(Role.values()));
    return "staff/admin-staff";
  }

  @PostMapping("/admin/staff")
  String create(
      Principal admin,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Set<Role> roles,
      RedirectAttributes flash) {
    try {
      var created =
          accounts.create(
              email,
              name,
              roles == null ? EnumSet.noneOf(Role.class) : roles,
              null,
              admin.getName());
      flash.addFlashAttribute(
          "notice",
          "Created "
              + created.member().email()
              + ". One-time password: "
              + created.oneTimePassword()
              + " (shown only now; they choose their own at first login).");
    } catch (InvalidStaffRequest refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
    }
    return "redirect:/admin/staff";
  }

  @PostMapping("/admin/staff/{id}/enabled")
  String enable(
      Principal admin,
      @PathVariable long id,
      @RequestParam(required = false) Boolean enabled,
      RedirectAttributes flash) {
    if (enabled == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "The form sent no value for 'enabled'. Reload the page and press the button again.");
    }
    try {
      accounts.setEnabled(id, enabled, admin.getName());
    } catch (InvalidStaffRequest refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
    }
    return "redirect:/admin/staff";
  }

  @PostMapping("/admin/staff/{id}/password")
  String reset(Principal admin, @PathVariable long id, RedirectAttributes flash) {
    String secret = accounts.resetPassword(id, admin.getName());
    flash.addFlashAttribute("notice", "New one-time password: " + secret + " (shown only now).");
    return "redirect:/admin/staff";
  }

  @GetMapping("/admin/api-keys")
  String keys(Model model) {
    model.addAttribute("keys", keys.all());
    model.addAttribute("roles", List.of(Role.values()));
    return "staff/admin-keys";
  }

  @PostMapping("/admin/api-keys")
  String createKey(
      Principal admin,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Role role,
      RedirectAttributes flash) {
    try {
      var created = keys.create(name, role, admin.getName());
      flash.addFlashAttribute(
          "notice", "Key '" + created.name() + "': " + created.key() + " (shown only now).");
    } catch (InvalidStaffRequest refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
    }
    return "redirect:/admin/api-keys";
  }

  @PostMapping("/admin/api-keys/{id}/revoke")
  String revoke(Principal admin, @PathVariable long id, RedirectAttributes flash) {
    try {
      keys.revoke(id, admin.getName());
    } catch (InvalidStaffRequest refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
    }
    return "redirect:/admin/api-keys";
  }
}
