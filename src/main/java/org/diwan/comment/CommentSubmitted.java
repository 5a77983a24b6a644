package org.diwan.comment;

/** A comment was stored, with what screening said of it, and now waits for moderation. */
public record CommentSubmitted(long commentId, long articleId, ScreeningSummary screening) {}
