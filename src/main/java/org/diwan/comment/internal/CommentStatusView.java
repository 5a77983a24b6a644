package org.diwan.comment.internal;

import java.time.Instant;
import java.util.Set;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentTarget;
import org.diwan.guideline.GuidelineCode;

/**
 * What a commenter sees on the private status page of their comment. {@code removedAt} is null
 * unless it was taken down; {@code decidedAutomatically} says a policy approved or rejected it.
 */
public record CommentStatusView(
    long commentId,
    CommentTarget article,
    String name,
    String text,
    Instant submittedAt,
    CommentStatus status,
    Instant decidedAt,
    Set<GuidelineCode> codes,
    String note,
    Instant removedAt,
    boolean decidedAutomatically) {}
