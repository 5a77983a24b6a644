package org.diwan.moderation;

/** A moderation decision was recorded (published inside the decision's own transaction). */
public record DecisionRecorded(ModerationDecision decision) {}
