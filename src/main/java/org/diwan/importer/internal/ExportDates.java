package org.diwan.importer.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The dates exports write, read as instants; null for a missing or zero date. */
final class ExportDates {

  private static final DateTimeFormatter WORDPRESS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ExportDates() {}

  /**
   * WordPress's {@code 2026-11-02 09:00:00}: {@code gmt} in UTC, else {@code local} read as UTC
   * (the export does not say the site's zone); {@code 0000-00-00 …} is no date (a draft's).
   */
  static Instant wordpress(String gmt, String local) {
    Instant at = wordpress(gmt);
    return at != null ? at : wordpress(local);
  }

  private static Instant wordpress(String text) {
    if (text == null || text.isBlank() || text.startsWith("0000")) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip(), WORDPRESS).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Disqus's ISO 8601 {@code 2013-05-04T12:00:00Z}; without an offset, UTC. */
  static Instant disqus(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
