package org.diwan.moderation;

import java.util.Locale;
import org.diwan.comment.WordLists;
import org.springframework.stereotype.Service;

/** An admin's change to a word list, by page or by API, and its line in the audit log. */
@Service
class WordListEdits {

  private final WordLists wordLists;
  private final AuditTrail audit;

  WordListEdits(WordLists wordLists, AuditTrail audit) {
    this.wordLists = wordLists;
    this.audit = audit;
  }

  /** "en banned list", as the page and the audit log name a list. */
  static String name(String language, WordLists.Kind kind) {
    return language + " " + kind.name().toLowerCase(Locale.ROOT) + " list";
  }

  /** The list's kind as a page or a path gives it; 400 for anything else. */
  static WordLists.Kind kind(String kind) {
    try {
      return WordLists.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ModerationProblem.invalid("The kind of list is BANNED or SUSPECT.");
    }
  }

  void replace(String admin, String language, WordLists.Kind kind, String text) {
    wordLists.replace(language, kind, text, admin);
    audit.record(
        admin, "wordlist.changed", name(language, kind), WordLists.entries(text) + " entries");
  }

  void restore(String admin, String language, WordLists.Kind kind) {
    wordLists.restoreShipped(language, kind);
    audit.record(admin, "wordlist.restored", name(language, kind), "back to the shipped list");
  }
}
