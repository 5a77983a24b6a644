package org.diwan.moderation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.InvalidSuspension;
import org.diwan.comment.QueuedComment;
import org.diwan.comment.Suspension;
import org.diwan.comment.Suspensions;
import org.diwan.site.Formats;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suspending commenters by address: from a card (the server reads the address from the comment) or
 * by typing one. An address no comment came from may be suspended too; the page says so.
 */
@Controller
class SuspensionConsole {

  private final Suspensions suspensions;
  private final CommentQueue comments;

  SuspensionConsole(Suspensions suspensions, CommentQueue comments) {
    this.suspensions = suspensions;
    this.comments = comments;
  }

  @GetMapping("/moderation/suspensions")
  String page(
      @RequestParam(required = false) Long comment,
      @RequestParam(required = false) String email,
      Model model) {
    String address =
        comment != null
            ? comments.find(comment).map(QueuedComment::email).orElse(null)
            : email == null || email.isBlank() ? null : email.strip();
    model.addAttribute("email", address);
    model.addAttribute(
        "history", address == null ? java.util.List.of() : suspensions.history(address));
    model.addAttribute(
        "inForce", address == null ? null : suspensions.inForce(address).orElse(null));
    model.addAttribute("inForceCount", suspensions.inForceCount());
    return "moderation/suspensions";
  }

  @PostMapping("/moderation/suspensions")
  String suspend(
      Principal moderator,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "7") String days,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    try {
      Duration period = period(days);
      Suspension made = suspensions.suspend(email, period, reason, moderator.getName());
      flash.addFlashAttribute(
          "notice",
          "Suspended "
              + email.strip()
              + (made.endsAt() == null
                  ? " with no end date."
                  : " until " + Formats.dateTime(made.endsAt()) + ".")
              + (suspensions.commented(email)
                  ? ""
                  : " No comment has come from this address yet: the suspension will refuse its"
                      + " first."));
    } catch (InvalidSuspension e) {
      flash.addFlashAttribute("problem", e.getBody().getDetail());
    }
    return back(email);
  }

  @PostMapping("/moderation/suspensions/lift")
  String lift(
      Principal moderator,
      @RequestParam(defaultValue = "") String email,
      RedirectAttributes flash) {
    try {
      int lifted = suspensions.lift(email, moderator.getName());
      flash.addFlashAttribute(
          "notice",
          lifted == 0
              ? email.strip() + " had no suspension in force; nothing was changed."
              : "Lifted the suspension of " + email.strip() + ": they can comment again.");
    } catch (InvalidSuspension e) {
      flash.addFlashAttribute("problem", e.getBody().getDetail());
    }
    return back(email);
  }

  /** 1, 7 or 30 days, or "none" for no end date. */
  private static Duration period(String days) {
    return switch (days.strip()) {
      case "1" -> Duration.ofDays(1);
      case "7" -> Duration.ofDays(7);
      case "30" -> Duration.ofDays(30);
      case "none" -> null;
      default -> throw new InvalidSuspension("Choose 1, 7 or 30 days, or no end date.");
    };
  }

  private static String back(String email) {
    return "redirect:/moderation/suspensions?email="
        + URLEncoder.encode(email.strip(), StandardCharsets.UTF_8);
  }
}
