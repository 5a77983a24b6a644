package org.diwan.comment;

/** An appeal waiting for a moderator, with the comment it is about and that comment's article. */
public record WaitingAppeal(Appeal appeal, Comment comment, CommentTarget article) {}
