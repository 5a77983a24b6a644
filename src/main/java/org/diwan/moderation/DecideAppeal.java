package org.diwan.moderation;

import org.diwan.comment.AppealOutcome;

/** A moderator's decision on an appeal: uphold the decision appealed against, or reverse it. */
public record DecideAppeal(long appealId, AppealOutcome outcome, String actor) {}
