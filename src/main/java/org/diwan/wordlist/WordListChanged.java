package org.diwan.wordlist;

/**
 * An admin replaced a word list ({@code entries} in it now), or {@code restored} the shipped one.
 */
public record WordListChanged(
    String language, WordLists.Kind kind, String actor, boolean restored, int entries) {

  /** "en banned list". */
  public String listName() {
    return WordLists.name(language, kind);
  }
}
