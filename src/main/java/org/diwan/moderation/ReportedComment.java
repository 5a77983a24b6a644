package org.diwan.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.diwan.guideline.GuidelineCode;

/**
 * A published comment with open reports: how many, since when, how many gave each guideline (most
 * first) and a few of the readers' notes.
 */
public record ReportedComment(
    long commentId,
    int reports,
    Instant openSince,
    Map<GuidelineCode, Integer> reasons,
    List<String> notes) {}
