package org.diwan.comment;

import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/**
 * The second stage has finished with a pending comment ({@code screening.secondStage()} says how),
 * published after its result is stored, on the worker's thread. {@code calibrated} are the codes
 * whose combined score is a calibrated probability (empty unless it scored, and empty when the
 * first stage is not the one the second stage's stacks were fitted with): automatic decisions read
 * only those.
 */
public record SecondStageScored(
    long commentId, ScreeningSummary screening, Set<GuidelineCode> calibrated) {

  public SecondStageScored {
    calibrated = Set.copyOf(calibrated);
  }
}
