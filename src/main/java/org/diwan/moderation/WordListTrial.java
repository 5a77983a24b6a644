package org.diwan.moderation;

import java.util.List;
import org.diwan.comment.ScreeningSummary;

/** A sentence an admin tried against the word lists, and what the engine said about it. */
public record WordListTrial(String text, ScreeningSummary screening, List<Highlight.Run> runs) {}
