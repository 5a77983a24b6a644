package org.diwan.article;

/**
 * An article was created or changed by a member of staff: {@code change} is one of {@code created},
 * {@code revised}, {@code published}, {@code unpublished}, {@code comments-opened}, {@code
 * comments-closed}, {@code photo-added}.
 */
public record ArticleUpdated(long articleId, String slug, String actor, String change) {}
