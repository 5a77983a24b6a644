package org.diwan.article;

/** An article's text or settings changed after publication. */
public record ArticleUpdated(long articleId, String slug) {}
