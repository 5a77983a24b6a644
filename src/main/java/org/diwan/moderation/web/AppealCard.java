package org.diwan.moderation.web;

import java.time.Duration;
import org.diwan.comment.WaitingAppeal;
import org.diwan.moderation.ModerationDecision;

/**
 * One appeal in the console: the appeal with its comment, the decision appealed against ({@code
 * decision} null if none is on record), how long the appeal has waited, and whether the moderator
 * looking at it made that decision and so may not decide the appeal.
 */
public record AppealCard(
    WaitingAppeal appeal, ModerationDecision decision, Duration age, boolean ownDecision) {}
