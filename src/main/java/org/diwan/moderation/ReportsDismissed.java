package org.diwan.moderation;

/** A moderator kept a reported comment: its {@code reports} open reports are dismissed. */
public record ReportsDismissed(long commentId, int reports, String actor) {}
