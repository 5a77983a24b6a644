package org.diwan.comment;

/**
 * The article a comment is posted under, as far as comments need to know it; {@code body} and
 * {@code language} let the screening engine judge whether a comment is on topic.
 */
public record CommentTarget(
    long articleId,
    String slug,
    String headline,
    boolean commentsOpen,
    String body,
    String language) {

  public String path() {
    return "/articles/" + slug;
  }
}
