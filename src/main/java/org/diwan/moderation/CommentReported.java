package org.diwan.moderation;

import java.time.Instant;
import org.diwan.guideline.GuidelineCode;

/**
 * A reader reported a published comment (published after commit, for webhooks and notices); {@code
 * openReports} is how many reports the comment has waiting, this one included.
 */
public record CommentReported(
    long commentId, String articleSlug, GuidelineCode code, int openReports, Instant at) {}
