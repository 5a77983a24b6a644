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
  private final WordListEdits edits;

  WordListPages(WordLists wordLists, WordListEdits edits) {
    this.wordLists = wordLists;
    this.edits = edits;
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
      WordLists.Kind listKind = WordListEdits.kind(kind);
      String name = WordListEdits.name(language, listKind);
      if (action.equals("restore")) {
        edits.restore(admin.getName(), language, listKind);
        flash.addFlashAttribute("notice", "The " + name + " is the shipped one again.");
      } else {
        edits.replace(admin.getName(), language, listKind, text);
        flash.addFlashAttribute(
            "notice", "Saved the " + name + ". New comments are screened with it from now on.");
      }
    } catch (WordListProblem problem) {
      flash.addFlashAttribute("problem", problem.getMessage());
      // Keep what the admin typed, so a typo costs one correction and not the whole edit.
      if (Lexicons.SHIPPED_LANGUAGES.contains(language)) {
        flash.addFlashAttribute("draftKey", language + "/" + WordListEdits.kind(kind).name());
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
}
