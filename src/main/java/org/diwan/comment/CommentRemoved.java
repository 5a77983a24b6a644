package org.diwan.comment;

import java.util.Set;
import org.diwan.guideline.GuidelineCode;

/** A published comment was taken down for breaking the given guidelines. */
public record CommentRemoved(long commentId, long articleId, Set<GuidelineCode> codes) {}
