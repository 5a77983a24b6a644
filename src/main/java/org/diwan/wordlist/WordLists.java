package org.diwan.wordlist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.diwan.screening.Lexicons;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;
import org.diwan.screening.ScreeningInput;
import org.diwan.storage.ChangeFeed;
import org.diwan.wordlist.internal.ScreeningEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening word lists as admins have edited them. A list nobody has edited is the one shipped
 * in the jar, so a newer release's starting lists reach every language an admin has left alone.
 *
 * <p>Edits take effect on this instance at once and on every other as soon as their change is
 * announced there ({@link ChangeFeed}).
 */
@Service
public class WordLists {

  private static final Logger log = LoggerFactory.getLogger(WordLists.class);

  /** The {@link ChangeFeed} scope of the edited lists. */
  static final String SCOPE = "word-lists";

  /** Longest list text accepted; the shipped ones are under 2,000 characters. */
  public static final int MAX_CHARS = 20_000;

  /** One list as the admin page shows it. */
  public record WordList(
      String language,
      Kind kind,
      String text,
      boolean edited,
      String updatedBy,
      Instant updatedAt) {
    /** The language's name in English and in itself, e.g. "Arabic · العربية". */
    public String languageName() {
      Locale locale = Locale.forLanguageTag(language);
      String english = locale.getDisplayLanguage(Locale.ENGLISH);
      String own = locale.getDisplayLanguage(locale);
      return english.equals(own) ? english : english + " · " + own;
    }

    public int entries() {
      return WordLists.entries(text);
    }
  }

  /** Banned entries flag their guideline on their own; suspect entries only raise its score. */
  public enum Kind {
    BANNED,
    SUSPECT;

    /** The kind as a page or a path gives it, in any case. */
    public static Kind parse(String kind) {
      try {
        return valueOf(kind.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new WordListProblem("The kind of list is BANNED or SUSPECT.");
      }
    }
  }

  /** "en banned list", as the page and the audit log name a list. */
  public static String name(String language, Kind kind) {
    return language + " " + kind.name().toLowerCase(Locale.ROOT) + " list";
  }

  /** The entries in a list's text: lines that are neither blank nor notes. */
  public static int entries(String text) {
    return (int)
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
  }

  private record Edit(String language, Kind kind, String text, String by, long at) {}

  private record Current(List<Edit> edits, Screener screener, long everything, long generation) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ScreeningEngine engine;
  private final ApplicationEventPublisher events;
  private final ChangeFeed changes;
  private volatile Current current;

  public WordLists(
      JdbcClient jdbc,
      Clock clock,
      ScreeningEngine engine,
      ApplicationEventPublisher events,
      ChangeFeed changes) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.clock = clock;
    this.engine = engine;
    this.events = events;
  }

  /**
   * The engine with the current lists, waiting a bounded time for its model ({@link
   * ScreeningEngine#await}); empty when the model is not loaded. Every submission asks, so edits
   * are read again only after a change is announced (or while the feed is out of sync).
   */
  public Optional<Screener> screener() {
    Optional<Screener> shipped = engine.await();
    if (shipped.isEmpty()) {
      return shipped;
    }
    long everything = changes.everything();
    long generation = changes.of(SCOPE);
    Current seen = current;
    if (seen == null
        || !changes.synced()
        || seen.everything() != everything
        || seen.generation() != generation) {
      List<Edit> edits = readEdits();
      Screener screener =
          seen != null && seen.edits().equals(edits)
              ? seen.screener()
              : compiled(shipped.get(), edits);
      seen = new Current(edits, screener, everything, generation);
      current = seen;
    }
    return Optional.of(seen.screener());
  }

  private static Screener compiled(Screener shipped, List<Edit> edits) {
    try {
      return shipped.withLexicons(compile(edits));
    } catch (IllegalArgumentException e) {
      // Only a release that reads lists more strictly gets here; screen with the shipped lists.
      log.error(
          "Edited word lists cannot be read, screening with the shipped lists: {}", e.getMessage());
      return shipped;
    }
  }

  /** What the engine with the current lists says about {@code text}, for an admin trying a list. */
  public Screening trial(String text) {
    return screener()
        .map(s -> s.screen(ScreeningInput.of(text)))
        .orElseGet(
            () ->
                new Screening(
                    "",
                    Map.of(),
                    Set.of(),
                    Set.of(),
                    List.of(),
                    Screener.ENGINE_VERSION,
                    true,
                    "engine: model not loaded"));
  }

  /** Every list of every screened language, shipped or edited. */
  public List<WordList> all() {
    Map<String, Edit> edits = byList(readEdits());
    List<WordList> lists = new ArrayList<>();
    for (String language : Lexicons.SHIPPED_LANGUAGES) {
      for (Kind kind : Kind.values()) {
        Edit edit = edits.get(key(language, kind));
        lists.add(
            edit == null
                ? new WordList(
                    language,
                    kind,
                    Lexicons.shippedText(language, kind == Kind.BANNED),
                    false,
                    null,
                    null)
                : new WordList(
                    language, kind, edit.text(), true, edit.by(), Instant.ofEpochMilli(edit.at())));
      }
    }
    return lists;
  }

  /**
   * Replaces one list. It is read first, so a list that cannot be read changes nothing. The change
   * is announced ({@link WordListChanged}) in its transaction.
   *
   * @throws WordListProblem naming the line that cannot be read, or for an unknown language
   */
  @Transactional
  public void replace(String language, Kind kind, String text, String actor) {
    checkLanguage(language);
    String body = Objects.requireNonNullElse(text, "").replace("\r\n", "\n");
    if (body.length() > MAX_CHARS) {
      throw new WordListProblem(
          "A list can be at most "
              + MAX_CHARS
              + " characters; this one has "
              + body.length()
              + ".");
    }
    try {
      boolean banned = kind == Kind.BANNED;
      Lexicons.empty().with(language, banned ? body : null, banned ? null : body);
    } catch (IllegalArgumentException e) {
      throw new WordListProblem(
          "The "
              + language
              + " "
              + kind.name().toLowerCase(Locale.ROOT)
              + " list cannot be read: "
              + e.getMessage()
              + ". Each line is a guideline code, optionally with a kind (ABUSE:RACISM),"
              + " then a word or phrase.");
    }
    delete(language, kind);
    jdbc.sql(
            "INSERT INTO word_list (language, kind, body, updated_by, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(language, kind.name(), body, actor, clock.millis())
        .update();
    changes.changed(SCOPE);
    events.publishEvent(new WordListChanged(language, kind, actor, false, entries(body)));
  }

  /** Goes back to the list shipped in the jar, as {@code actor} asked. */
  @Transactional
  public void restoreShipped(String language, Kind kind, String actor) {
    checkLanguage(language);
    delete(language, kind);
    changes.changed(SCOPE);
    events.publishEvent(new WordListChanged(language, kind, actor, true, 0));
  }

  private void delete(String language, Kind kind) {
    jdbc.sql("DELETE FROM word_list WHERE language = ? AND kind = ?")
        .params(language, kind.name())
        .update();
  }

  private static void checkLanguage(String language) {
    if (!Lexicons.SHIPPED_LANGUAGES.contains(language)) {
      throw new WordListProblem(
          "Word lists exist for " + String.join(", ", Lexicons.SHIPPED_LANGUAGES) + " only.");
    }
  }

  private List<Edit> readEdits() {
    return jdbc.sql(
            "SELECT language, kind, body, updated_by, updated_at FROM word_list"
                + " ORDER BY language, kind")
        .query(
            (rs, n) ->
                new Edit(
                    rs.getString(1),
                    Kind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5)))
        .list();
  }

  /** Every language's lists, each as edited or else as shipped. */
  private static Lexicons compile(List<Edit> edits) {
    Map<String, Edit> edited = byList(edits);
    Lexicons lexicons = Lexicons.empty();
    for (String language : Lexicons.SHIPPED_LANGUAGES) {
      lexicons =
          lexicons.with(
              language, text(edited, language, Kind.BANNED), text(edited, language, Kind.SUSPECT));
    }
    return lexicons;
  }

  private static Map<String, Edit> byList(List<Edit> edits) {
    Map<String, Edit> byList = new HashMap<>();
    edits.forEach(e -> byList.put(key(e.language(), e.kind()), e));
    return byList;
  }

  private static String key(String language, Kind kind) {
    return language + "/" + kind;
  }

  /** The list's text as edited, or else as shipped. */
  private static String text(Map<String, Edit> edited, String language, Kind kind) {
    Edit edit = edited.get(key(language, kind));
    return edit != null ? edit.text() : Lexicons.shippedText(language, kind == Kind.BANNED);
  }
}
