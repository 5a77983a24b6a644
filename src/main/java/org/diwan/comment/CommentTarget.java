package org.diwan.comment;

/**
 * The article a comment is posted under, as far as comments need to know it; {@code body} and
 * {@code language} let the screening engine judge whether a comment is on topic; {@code hostUrl} is
 * the other site's page an external article stands for (the embed), null for Diwan's own.
 */
public record CommentTarget(
    long articleId,
    String slug,
    String headline,
    boolean commentsOpen,
    String body,
    String language,
    String hostUrl) {

  public CommentTarget(
      long articleId,
      String slug,
      String headline,
      boolean commentsOpen,
      String body,
      String language) {
    this(articleId, slug, headline, commentsOpen, body, language, null);
  }

  /** Where the story is read: the host site's page for an external article, else Diwan's. */
  public String link() {
    return hostUrl != null ? hostUrl : path();
  }

  public String path() {
    return "/articles/" + slug;
  }
}
