package org.diwan.comment;

import java.util.Optional;

/**
 * Looks up the articles comments belong to. The article module implements it, so comments never
 * depend on articles' internals and the dependency runs one way.
 */
public interface CommentTargets {

  Optional<CommentTarget> bySlug(String slug);

  Optional<CommentTarget> byId(long articleId);
}
