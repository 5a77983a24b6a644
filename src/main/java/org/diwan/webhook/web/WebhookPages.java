package org.diwan.webhook.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.diwan.webhook.InvalidWebhook;
import org.diwan.webhook.WebhookEvent;
import org.diwan.webhook.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for webhook endpoints and their delivery logs. */
@Controller
class WebhookPages {

  private static final String LIST = "redirect:/admin/webhooks";

  private final Webhooks webhooks;

  WebhookPages(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping("/admin/webhooks")
  String endpoints(Model model) {
    model.addAttribute("endpoints", webhooks.all());
    model.addAttribute("events", List.of(WebhookEvent.values()));
    return "admin/webhooks";
  }

  @PostMapping("/admin/webhooks")
  String register(
      Principal admin,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(required = false) Set<WebhookEvent> events,
      RedirectAttributes flash) {
    try {
      var registered =
          webhooks.register(
              url,
              description,
              events == null ? EnumSet.noneOf(WebhookEvent.class) : events,
              admin.getName());
      flash.addFlashAttribute("secretFor", registered.endpoint().url());
      flash.addFlashAttribute("secret", registered.secret());
    } catch (InvalidWebhook refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
      flash.addFlashAttribute("typedUrl", url);
      flash.addFlashAttribute("typedDescription", description);
    }
    return LIST;
  }

  @PostMapping("/admin/webhooks/{id}/enabled")
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
    return refusedOr(flash, LIST, () -> webhooks.setEnabled(id, enabled, admin.getName()));
  }

  @PostMapping("/admin/webhooks/{id}/secret")
  String rotate(Principal admin, @PathVariable long id, RedirectAttributes flash) {
    return refusedOr(
        flash,
        LIST,
        () -> {
          String secret = webhooks.rotateSecret(id, admin.getName());
          flash.addFlashAttribute("secretFor", webhooks.endpoint(id).url());
          flash.addFlashAttribute("secret", secret);
        });
  }

  @PostMapping("/admin/webhooks/{id}/delete")
  String delete(Principal admin, @PathVariable long id, RedirectAttributes flash) {
    return refusedOr(flash, LIST, () -> webhooks.delete(id, admin.getName()));
  }

  /** A deleted endpoint's log (an old link, a bookmark) leads back to the list, which says so. */
  @GetMapping("/admin/webhooks/{id}")
  String log(@PathVariable long id, Model model, RedirectAttributes flash) {
    try {
      model.addAttribute("endpoint", webhooks.endpoint(id));
    } catch (InvalidWebhook missing) {
      flash.addFlashAttribute("problem", missing.getMessage() + " It may have been deleted.");
      return LIST;
    }
    model.addAttribute("deliveries", webhooks.deliveries(id));
    return "admin/webhook-log";
  }

  @PostMapping("/admin/webhooks/{id}/deliveries/{delivery}/redeliver")
  String redeliver(
      Principal admin,
      @PathVariable long id,
      @PathVariable long delivery,
      RedirectAttributes flash) {
    String log = "redirect:/admin/webhooks/" + id;
    return refusedOr(
        flash,
        log,
        () -> {
          webhooks.redeliver(id, delivery, admin.getName());
          flash.addFlashAttribute(
              "notice", "Delivery " + delivery + " will be sent again shortly.");
        });
  }

  /** Runs {@code change}; a refusal is shown on the page it leads back to. */
  private static String refusedOr(RedirectAttributes flash, String to, Runnable change) {
    try {
      change.run();
    } catch (InvalidWebhook refused) {
      flash.addFlashAttribute("problem", refused.getMessage());
      return LIST;
    }
    return to;
  }
}
