package org.diwan.audit.web;

import org.diwan.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's view of the audit log, newest first, filterable by who and by kind of action. */
@Controller
class AuditPages {

  private final AuditTrail audit;

  AuditPages(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(defaultValue = "") String actor,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "0") long before,
      Model model) {
    var events = audit.find(actor, action, before);
    model.addAttribute("events", events);
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute(
        "next", events.size() == AuditTrail.PAGE ? events.get(events.size() - 1).id() : null);
    return "moderation/audit";
  }
}
