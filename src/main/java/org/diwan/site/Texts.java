package org.diwan.site;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reader-facing words, dates and numbers of one edition: the messages of {@code
 * i18n/messages_<code>.properties} as ICU patterns, and dates in the site's time zone the way that
 * language's news sites write them. Templates get one with {@link #of}; it is immutable and
 * thread-safe (ICU formats are cloned per call).
 *
 * <p>Digits and calendars, chosen per language (README, "Editions"): English, Kurmanji and Turkish
 * in Western digits; Arabic in Western digits with the month names used in Iraq; Sorani in
 * Arabic-Indic digits with the Iraqi Kurdish month names; Persian in Persian digits on the Solar
 * Hijri calendar, as Iranian news sites date their pages.
 */
public final class Texts {

  /** The editions in the order readers see them, each with the locale ICU formats it in. */
  private static final Map<String, ULocale> EDITIONS = new LinkedHashMap<>();

  static {
    EDITIONS.put("en", new ULocale("en_GB"));
    EDITIONS.put("ckb", new ULocale("ckb_IQ"));
    EDITIONS.put("kmr", new ULocale("ku")); // ICU's Kurdish is Kurmanji in Latin script
    EDITIONS.put("ar", new ULocale("ar_IQ@numbers=latn"));
    EDITIONS.put("fa", new ULocale("fa_IR"));
    EDITIONS.put("tr", new ULocale("tr_TR"));
  }

  private static final Properties ENGLISH = load("en");
  private static final Map<String, Texts> ALL = new LinkedHashMap<>();

  static {
    EDITIONS.forEach((code, locale) -> ALL.put(code, new Texts(code, locale)));
  }

  private static volatile String defaultEdition = "en";

  private final String code;
  private final ULocale locale;
  private final Properties messages;
  private final boolean rightToLeft;
  private final Map<String, MessageFormat> patterns = new ConcurrentHashMap<>();

  private Texts(String code, ULocale locale) {
    this.code = code;
    this.locale = locale;
    this.messages = code.equals("en") ? ENGLISH : load(code);
    this.rightToLeft = locale.isRightToLeft();
  }

  /** The edition with this code, or the default edition's when there is none. */
  public static Texts of(String code) {
    return find(code).orElseGet(() -> ALL.get(defaultEdition));
  }

  /** The edition with exactly this code (lower case), if Diwan has one. */
  public static Optional<Texts> find(String code) {
    return Optional.ofNullable(code == null ? null : ALL.get(code));
  }

  /** Every edition, in the order of the language switcher. */
  public static List<Texts> editions() {
    return List.copyOf(ALL.values());
  }

  /** The edition {@code /} shows, from {@code DIWAN_DEFAULT_EDITION}. */
  public static Texts defaultEdition() {
    return ALL.get(defaultEdition);
  }

  public static void configureDefault(String code) {
    if (!ALL.containsKey(code)) {
      throw new IllegalArgumentException(
          "DIWAN_DEFAULT_EDITION must be one of " + String.join(", ", ALL.keySet()) + ": " + code);
    }
    defaultEdition = code;
  }

  /** The BCP 47 code, for {@code lang} attributes and edition paths. */
  public String lang() {
    return code;
  }

  /** "rtl" or "ltr", for {@code dir} attributes. */
  public String dir() {
    return rightToLeft ? "rtl" : "ltr";
  }

  /** "rtl" or "ltr" for text in language {@code code}, whether or not Diwan has its edition. */
  public static String dirOf(String code) {
    return code != null && new ULocale(code).isRightToLeft() ? "rtl" : "ltr";
  }

  /** The edition's front page: {@code /} for the default edition, else {@code /<code>/}. */
  public String home() {
    return code.equals(defaultEdition) ? "/" : "/" + code + "/";
  }

  /** The edition's Atom feed. */
  public String feed() {
    return "/" + code + "/feed.atom";
  }

  /** The message {@code key} with {@code args}; a key no bundle has is a bug, shown as itself. */
  public String get(String key, Object... args) {
    MessageFormat format =
        patterns.computeIfAbsent(
            key,
            k -> {
              String pattern = messages.getProperty(k, ENGLISH.getProperty(k));
              return pattern == null ? null : new MessageFormat(pattern, locale);
            });
    if (format == null) {
      return key;
    }
    synchronized (format) {
      return format.format(args);
    }
  }

  /** Whether this edition's bundle has {@code key} (not counting English's). */
  public boolean has(String key) {
    return messages.containsKey(key);
  }

  /** The keys of this edition's bundle. */
  public Set<String> keys() {
    return messages.stringPropertyNames();
  }

  /** A day, as "5 December 2026" or "۱۴ آذر ۱۴۰۵". */
  public String date(Instant instant) {
    return format(instant, DateFormat.getDateInstance(DateFormat.LONG, locale));
  }

  /** A day and time of day in the site's zone. */
  public String dateTime(Instant instant) {
    return format(
        instant, DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.SHORT, locale));
  }

  /** A whole number in this edition's digits. */
  public String number(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  private String format(Instant instant, DateFormat format) {
    if (instant == null) {
      return "";
    }
    format.setTimeZone(TimeZone.getTimeZone(Formats.zone().getId()));
    return format.format(Date.from(instant));
  }

  private static Properties load(String code) {
    String name =
        code.equals("en") ? "i18n/messages.properties" : "i18n/messages_" + code + ".properties";
    Properties properties = new Properties();
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(name)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
