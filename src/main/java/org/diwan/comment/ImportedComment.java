package org.diwan.comment;

import java.time.Instant;

/**
 * A comment as another system (an older site, a load test) kept it, to be stored unchanged by
 * {@link CommentImport}: its article, author, email and text, when it was posted, its status and,
 * for a decided one, when and by whom it was decided, and what screening said of it (null: not
 * screened, as comments stored before screening existed).
 */
public record ImportedComment(
    long articleId,
    String name,
    String email,
    String text,
    Instant submittedAt,
    CommentStatus status,
    Instant decidedAt,
    String decidedBy,
    ScreeningSummary screening) {}
