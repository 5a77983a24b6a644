package org.diwan.comment;

import java.time.Instant;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/**
 * A comment as a moderator sees it: everything, the commenter's email included, and what the
 * screening engine said of it ({@code screening} is null for comments stored before screening).
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
    ScreeningSummary screening) {}
