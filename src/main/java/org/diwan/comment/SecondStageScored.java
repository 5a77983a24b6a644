package org.diwan.comment;

/**
 * The second stage has finished with a pending comment ({@code screening.secondStage()} says how),
 * published after its result is stored, on the worker's thread.
 */
public record SecondStageScored(long commentId, ScreeningSummary screening) {}
