package org.diwan.moderation.web;

import java.time.Duration;

/**
 * The dashboard's appeal lines: how many wait, how long the oldest has ({@code null} when none
 * does), and how appeals were decided over the last 30 days.
 */
public record AppealFigures(long waiting, Duration oldestAge, long upheld, long reversed) {}
