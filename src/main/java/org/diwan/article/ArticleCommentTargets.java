package org.diwan.article;

import java.util.Optional;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.CommentTargets;
import org.springframework.stereotype.Component;

/** Tells the comment module about the articles comments are posted under. */
@Component
class ArticleCommentTargets implements CommentTargets {

  private final Articles articles;

  ArticleCommentTargets(Articles articles) {
    this.articles = articles;
  }

  @Override
  public Optional<CommentTarget> bySlug(String slug) {
    return articles.find(slug).map(ArticleCommentTargets::target);
  }

  @Override
  public Optional<CommentTarget> byId(long articleId) {
    return articles.find(articleId).map(ArticleCommentTargets::target);
  }

  private static CommentTarget target(Article a) {
    return new CommentTarget(
        a.id(), a.slug(), a.headline(), a.commentsOpen(), a.body(), a.language());
  }
}
