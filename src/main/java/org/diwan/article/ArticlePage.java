package org.diwan.article;

import java.util.List;
import org.diwan.comment.PublishedComment;
import org.diwan.guideline.Guideline;

/** Everything the article page shows: the article, its comments and the comment form. */
public record ArticlePage(
    Article article,
    List<PublishedComment> comments,
    String guidelinesWelcome,
    List<Guideline> guidelines,
    CommentForm form,
    String csrfParameter,
    String csrfToken,
    String canonicalUrl,
    String imageUrl) {}
