package org.diwan.comment;

/** A comment was approved and is now shown under its article. */
public record CommentApproved(long commentId, long articleId) {}
