package org.diwan.comment;

/** The article a comment is posted under, as far as comments need to know it. */
public record CommentTarget(long articleId, String slug, String headline, boolean commentsOpen) {

  public String path() {
    return "/articles/" + slug;
  }
}
