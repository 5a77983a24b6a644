package org.diwan.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the templates write dates and the site's name. The settings are read once at start-up ({@link
 * SiteSettings}); templates cannot have beans injected, hence the static access.
 */
public final class Formats {

  private static volatile ZoneId zone = ZoneId.of("UTC");
  private static volatile String siteName = "Diwan";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);

  private Formats() {}

  static void configure(ZoneId timeZone, String name) {
    zone = timeZone;
    siteName = name;
  }

  public static String siteName() {
    return siteName;
  }

  public static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  public static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  /** The machine-readable form for {@code <time datetime>} and feeds. */
  public static String iso(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
