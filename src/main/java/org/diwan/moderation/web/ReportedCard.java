package org.diwan.moderation.web;

import org.diwan.moderation.ReportedComment;

/** A card of the Reported queue: the comment as every queue shows it, and its open reports. */
public record ReportedCard(QueueCard card, ReportedComment report) {}
