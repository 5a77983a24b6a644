package org.diwan.comment;

/** A comment was stored and now waits for moderation. */
public record CommentSubmitted(long commentId, long articleId) {}
