package org.diwan.wordlist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.diwan.wordlist.WordLists;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The screening word lists for admin keys: read them, replace one, or go back to the shipped one.
 */
@RestController
@Tag(name = "Admin")
class WordListApi {

  private final WordLists wordLists;

  WordListApi(WordLists wordLists) {
    this.wordLists = wordLists;
  }

  @GetMapping(path = "/api/admin/word-lists", produces = "application/json")
  @Operation(summary = "Every word list per language: BANNED and SUSPECT, shipped or edited")
  List<WordLists.WordList> all() {
    return wordLists.all();
  }

  @PutMapping(
      path = "/api/admin/word-lists/{language}/{kind}",
      consumes = "text/plain",
      produces = "application/json")
  @Operation(summary = "Replace one list; the body is the list text, one entry a line")
  WordLists.WordList replace(
      Principal admin,
      @PathVariable String language,
      @PathVariable String kind,
      @RequestBody(required = false) String text) {
    WordLists.Kind listKind = WordLists.Kind.parse(kind);
    wordLists.replace(language, listKind, text == null ? "" : text, admin.getName());
    return find(language, listKind);
  }

  @DeleteMapping(path = "/api/admin/word-lists/{language}/{kind}", produces = "application/json")
  @Operation(summary = "Go back to the list shipped with this release")
  WordLists.WordList restore(
      Principal admin, @PathVariable String language, @PathVariable String kind) {
    WordLists.Kind listKind = WordLists.Kind.parse(kind);
    wordLists.restoreShipped(language, listKind, admin.getName());
    return find(language, listKind);
  }

  private WordLists.WordList find(String language, WordLists.Kind kind) {
    return wordLists.all().stream()
        .filter(l -> l.language().equals(language) && l.kind() == kind)
        .findFirst()
        .orElseThrow();
  }
}
