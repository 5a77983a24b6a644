package org.diwan.comment;

import java.time.Instant;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/**
 * A comment as a moderator sees it: everything, the commenter's email included, and what the
 * screening engine said of it ({@code screening} is null for comments stored before screening).
 * {@code removedAt} is null unless it was taken down; {@code codes} and {@code note} are then the
 * take-down's.
 */
public record QueuedComment(
    long id,
    CommentTarget article,
    String name,
    String email,
    String text,
    Instant submittedAt,
    CommentStatus status,
    Instant decidedAt,
    Set<GuidelineCode> codes,
    String note,
    Instant removedAt,
    boolean decidedAutomatically,
    ScreeningSummary screening) {}
