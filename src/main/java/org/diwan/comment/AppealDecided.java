package org.diwan.comment;

/**
 * A moderator decided an appeal; on {@link AppealOutcome#REVERSED} the comment is published again
 * (published in the decision's transaction; listen after commit).
 */
public record AppealDecided(
    long appealId, long commentId, long articleId, AppealOutcome outcome, String actor) {}
