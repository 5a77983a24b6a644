package org.diwan.embed.web;

import java.security.Principal;
import org.diwan.embed.EmbedSites;
import org.diwan.embed.InvalidEmbed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's list of the sites allowed to embed the comment section. */
@Controller
class SitePages {

  private static final String LIST = "redirect:/admin/sites";

  private final EmbedSites sites;

  SitePages(EmbedSites sites) {
    this.sites = sites;
  }

  @GetMapping("/admin/sites")
  String sites(Model model) {
    model.addAttribute("sites", sites.all());
    return "admin/sites";
  }

  @PostMapping("/admin/sites")
  String add(
      Principal admin, @RequestParam(defaultValue = "") String origin, RedirectAttributes flash) {
    try {
      String added = sites.add(origin, admin.getName());
      flash.addFlashAttribute("notice", added + " may now embed the comments.");
    } catch (InvalidEmbed refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
      flash.addFlashAttribute("typedOrigin", origin);
    }
    return LIST;
  }

  @PostMapping("/admin/sites/remove")
  String remove(
      Principal admin, @RequestParam(defaultValue = "") String origin, RedirectAttributes flash) {
    try {
      sites.remove(origin, admin.getName());
      flash.addFlashAttribute("notice", origin + " may no longer embed the comments.");
    } catch (InvalidEmbed refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
    }
    return LIST;
  }
}
