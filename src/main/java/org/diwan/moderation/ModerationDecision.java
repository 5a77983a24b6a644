package org.diwan.moderation;

import java.time.Instant;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/** A decision as recorded, never changed afterwards. */
public record ModerationDecision(
    long id,
    long commentId,
    DecisionAction action,
    Set<GuidelineCode> codes,
    String note,
    String actor,
    boolean automatic,
    Instant decidedAt) {}
