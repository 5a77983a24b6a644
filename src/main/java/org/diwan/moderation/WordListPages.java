package org.diwan.moderation;

import java.security.Principal;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.WordListProblem;
import org.diwan.comment.WordLists;
import org.diwan.screening.Lexicons;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's page for the screening word lists, with a box to try a sentence against them. */
@Controller
class WordListPages {

  static final int MAX_TRIAL = 2_000;

  private final WordLists wordLists;
  private final AuditTrail audit;

  WordListPages(WordLists wordLists, AuditTrail audit) {
    this.wordLists = wordLists;
    this.audit = audit;
  }

  @GetMapping("/admin/word-lists")
  String show(Model model) {
    model.addAttribute("lists", wordLists.all());
    return "moderation/word-lists";
  }

  @PostMapping("/admin/word-lists")
  String save(
      Principal admin,
      @RequestParam(defaultValue = "") String language,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "save") String action,
      RedirectAttributes flash) {
    try {
      WordLists.Kind listKind = kind(kind);
      String name = language + " " + listKind.name().toLowerCase(java.util.Locale.ROOT) + " list";
      if (action.equals("restore")) {
        wordLists.restoreShipped(language, listKind);
        audit.record(admin.getName(), "wordlist.restored", name, "back to the shipped list");
        flash.addFlashAttribute("notice", "The " + name + " is the shipped one again.");
      } else {
        wordLists.replace(language, listKind, text, admin.getName());
        audit.record(
            admin.getName(), "wordlist.changed", name, WordLists.entries(text) + " entries");
        flash.addFlashAttribute(
            "notice", "Saved the " + name + ". New comments are screened with it from now on.");
      }
    } catch (WordListProblem problem) {
      flash.addFlashAttribute("problem", problem.getMessage());
      // Keep what the admin typed, so a typo costs one correction and not the whole edit.
      if (Lexicons.SHIPPED_LANGUAGES.contains(language)) {
        flash.addFlashAttribute("draftKey", language + "/" + kind(kind).name());
        flash.addFlashAttribute("draftText", text);
      }
    }
    String anchor = (language + "-" + kind).toLowerCase(java.util.Locale.ROOT);
    return "redirect:/admin/word-lists"
        + (anchor.matches("[a-z]{2,3}-[a-z]{6,7}") ? "#" + anchor : "");
  }

  @PostMapping("/admin/word-lists/try")
  String trial(@RequestParam(defaultValue = "") String text, Model model) {
    if (text.isBlank()) {
      model.addAttribute("problem", "Type a sentence to try.");
    } else if (text.length() > MAX_TRIAL) {
      model.addAttribute("problem", "Try at most " + MAX_TRIAL + " characters at a time.");
    } else {
      ScreeningSummary screening = wordLists.trial(text);
      model.addAttribute(
          "trial", new WordListTrial(text, screening, Highlight.of(text, screening)));
    }
    return show(model);
  }

  static WordLists.Kind kind(String kind) {
    try {
      return WordLists.Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ModerationProblem.invalid("The kind of list is BANNED or SUSPECT.");
    }
  }
}
