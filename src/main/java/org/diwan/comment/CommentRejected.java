package org.diwan.comment;

import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/** A comment was rejected for breaking the given guidelines. */
public record CommentRejected(long commentId, long articleId, Set<GuidelineCode> codes) {}
