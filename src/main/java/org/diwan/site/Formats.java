package org.diwan.site;

import java.time.Duration;
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

  public static void configure(ZoneId timeZone, String name) {
    zone = timeZone;
    siteName = name;
  }

  public static ZoneId zone() {
    return zone;
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

  /**
   * How long ago {@code since} was, as a moderator reads a wait: "4 min", "3 h 10 min", "2 days".
   */
  public static String waited(Instant since, Instant now) {
    if (since == null) {
      return "";
    }
    long minutes = Math.max(0, Duration.between(since, now).toMinutes());
    if (minutes < 1) {
      return "under a minute";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      long hours = minutes / 60;
      long rest = minutes % 60;
      return hours + " h" + (hours < 10 && rest > 0 ? " " + rest + " min" : "");
    }
    return minutes / (24 * 60) + " days";
  }

  /** The machine-readable form for {@code <time datetime>} and feeds. */
  public static String iso(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
