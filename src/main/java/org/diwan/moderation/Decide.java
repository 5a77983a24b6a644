package org.diwan.moderation;

import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/**
 * A moderator's (or a policy's) decision on one comment. A rejection names at least one guideline;
 * {@code note} to the commenter is optional; {@code automatic} marks decisions no person made.
 */
public record Decide(
    long commentId,
    DecisionAction action,
    Set<GuidelineCode> codes,
    String note,
    String actor,
    boolean automatic) {}
