package org.diwan.moderation.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The moderation dashboard's figures; durations are null when there is nothing to measure. "Today"
 * is the day in the site's time zone, {@code zone}.
 */
public record DashboardFigures(
    long pending,
    Duration oldestPendingAge,
    Map<String, Long> decisionsToday,
    Duration medianWaitThisWeek,
    int decidedThisWeek,
    ZoneId zone) {

  /** A duration as a moderator reads it: "3 h 12 min", "45 s". */
  public static String readable(Duration d) {
    if (d == null) {
      return "–";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min";
    }
    if (s < 86_400) {
      return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
    return (s / 86_400) + " d " + (s % 86_400 / 3600) + " h";
  }
}
