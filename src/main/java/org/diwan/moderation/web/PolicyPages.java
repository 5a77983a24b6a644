package org.diwan.moderation.web;

import java.security.Principal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.diwan.guideline.GuidelineCode;
import org.diwan.guideline.Guidelines;
import org.diwan.moderation.ModerationProblem;
import org.diwan.moderation.Policies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's page for automatic moderation policies; every one is off until set here. */
@Controller
class PolicyPages {

  private final Policies policies;
  private final Guidelines guidelines;

  PolicyPages(Policies policies, Guidelines guidelines) {
    this.policies = policies;
    this.guidelines = guidelines;
  }

  @GetMapping("/admin/policies")
  String show(Model model) {
    model.addAttribute("settings", policies.current());
    model.addAttribute("guidelines", guidelines.all(Locale.ENGLISH));
    return "moderation/policies";
  }

  @PostMapping("/admin/policies")
  String save(Principal admin, @RequestParam Map<String, String> form, RedirectAttributes flash) {
    try {
      Map<GuidelineCode, Double> reject = new EnumMap<>(GuidelineCode.class);
      for (GuidelineCode code : GuidelineCode.values()) {
        Double threshold = number(form.get("reject_" + code.name()));
        if (threshold != null) {
          reject.put(code, threshold);
        }
      }
      Double approveBelow = number(form.get("approve_below"));
      policies.replace(reject, approveBelow, admin.getName());
      flash.addFlashAttribute("notice", "Policies saved.");
    } catch (ModerationProblem problem) {
      flash.addFlashAttribute("problem", problem.getMessage());
    }
    return "redirect:/admin/policies";
  }

  private static Double number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ModerationProblem.invalid("'" + value.strip() + "' is not a number like 0.95.");
    }
  }
}
