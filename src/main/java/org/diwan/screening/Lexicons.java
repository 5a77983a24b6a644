package org.diwan.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.screening.internal.LexiconTable;

/**
 * Banned and suspect word lists per language, as admins edit them: a banned entry flags its
 * category on its own, a suspect entry only raises the score.
 *
 * <p>Each list is plain text, one entry a line: {@code CATEGORY[:KIND] word or phrase}, where
 * CATEGORY is a {@link Category} name, the optional KIND an {@link AbuseKind} name, and a final
 * {@code *} matches any word ending ({@code idiot*}). Lines starting with {@code #} are comments.
 * Entries are folded like comments, so {@code fuck} also catches {@code f*ck} and {@code fuuuck}.
 *
 * <p>Immutable and thread-safe; {@link #with} returns a new instance.
 */
public final class Lexicons {

  /** Languages with a shipped starting list. */
  public static final List<String> SHIPPED_LANGUAGES =
      List.of("en", "ar", "tr", "fa", "ckb", "kmr");

  private final Map<String, LexiconTable> tables;

  private Lexicons(Map<String, LexiconTable> tables) {
    this.tables = Map.copyOf(tables);
  }

  /** No lists at all. */
  public static Lexicons empty() {
    return new Lexicons(Map.of());
  }

  /** The starting lists shipped in the jar. */
  public static Lexicons shipped() {
    Lexicons lexicons = empty();
    for (String language : SHIPPED_LANGUAGES) {
      lexicons =
          lexicons.with(
              language, resource(language + ".banned.txt"), resource(language + ".suspect.txt"));
    }
    return lexicons;
  }

  /**
   * These lists with one language's lists replaced.
   *
   * @param language a language tag as {@link Screening#language()} reports it, e.g. "en"
   * @param bannedText the banned list text, or null for none
   * @param suspectText the suspect list text, or null for none
   * @throws IllegalArgumentException naming the line number when a line cannot be read
   */
  public Lexicons with(String language, String bannedText, String suspectText) {
    Map<String, LexiconTable> copy = new HashMap<>(tables);
    copy.put(language, LexiconTable.parse(bannedText, suspectText));
    return new Lexicons(copy);
  }

  /**
   * The text of a list shipped in the jar, as admins start editing it.
   *
   * @param language one of {@link #SHIPPED_LANGUAGES}
   * @param banned the banned list if true, else the suspect list
   * @return the list text, empty when the jar has no such list
   */
  public static String shippedText(String language, boolean banned) {
    String text = resource(language + (banned ? ".banned.txt" : ".suspect.txt"));
    return text == null ? "" : text;
  }

  public Set<String> languages() {
    return tables.keySet();
  }

  /** The number of entries for {@code language}, 0 when it has no lists. */
  public int size(String language) {
    LexiconTable table = tables.get(language);
    return table == null ? 0 : table.size();
  }

  /** The compiled tables, for the engine's pipeline. */
  public Map<String, LexiconTable> tables() {
    return tables;
  }

  private static String resource(String name) {
    try (InputStream in = Lexicons.class.getResourceAsStream("lexicon/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
