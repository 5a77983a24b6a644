package org.diwan.moderation.web;

import java.time.Duration;

/**
 * The dashboard's lines for reports and suspensions: comments with open reports, how long the
 * oldest open report has waited (null: none), suspensions in force.
 */
public record ReportFigures(long reported, Duration oldestReportAge, long suspensions) {}
