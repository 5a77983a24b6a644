package org.diwan.comment;

/** A commenter appealed (published in the appeal's transaction; listen after commit). */
public record AppealFiled(long appealId, long commentId, long articleId) {}
