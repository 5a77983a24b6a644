package org.diwan.wordlist.web;

import java.security.Principal;
import java.util.Locale;
import org.diwan.screening.Lexicons;
import org.diwan.wordlist.WordListProblem;
import org.diwan.wordlist.WordLists;
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

  WordListPages(WordLists wordLists) {
    this.wordLists = wordLists;
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
    // A kind no form offers is a 400 page, not a message on the list's form.
    WordLists.Kind listKind = WordLists.Kind.parse(kind);
    try {
      String name = WordLists.name(language, listKind);
      if (action.equals("restore")) {
        wordLists.restoreShipped(language, listKind, admin.getName());
        flash.addFlashAttribute("notice", "The " + name + " is the shipped one again.");
      } else {
        wordLists.replace(language, listKind, text, admin.getName());
        flash.addFlashAttribute(
            "notice", "Saved the " + name + ". New comments are screened with it from now on.");
      }
    } catch (WordListProblem problem) {
      flash.addFlashAttribute("problem", problem.getMessage());
      // Keep what the admin typed, so a typo costs one correction and not the whole edit.
      if (Lexicons.SHIPPED_LANGUAGES.contains(language)) {
        flash.addFlashAttribute("draftKey", language + "/" + listKind.name());
        flash.addFlashAttribute("draftText", text);
      }
    }
    String anchor = (language + "-" + kind).toLowerCase(Locale.ROOT);
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
      model.addAttribute("trial", WordListTrial.of(text, wordLists.trial(text)));
    }
    return show(model);
  }
}
