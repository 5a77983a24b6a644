package org.diwan.article.web;

import java.util.List;
import org.diwan.article.Article;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentPage;
import org.diwan.guideline.Guideline;
import org.diwan.site.Alternate;
import org.diwan.site.Texts;

/** Everything the article page shows: the article, a page of its comments and the comment form. */
public record ArticlePage(
    Article article,
    CommentPage comments,
    String guidelinesWelcome,
    List<Guideline> guidelines,
    CommentForm form,
    String csrfParameter,
    String csrfToken,
    String canonicalUrl,
    String imageUrl,
    List<Alternate> alternates) {

  /** The edition whose words the page is written in: the article's language. */
  public Texts t() {
    return Texts.of(article.language());
  }

  /** The address of another page of comments, in this page's order. */
  public String commentsLink(CommentCursor cursor) {
    return commentsLink(cursor, comments.newestFirst());
  }

  /** The address of the comments' first page in the given order. */
  public String orderLink(boolean newestFirst) {
    return commentsLink(CommentCursor.FIRST, newestFirst);
  }

  private String commentsLink(CommentCursor cursor, boolean newestFirst) {
    StringBuilder link = new StringBuilder(article.path());
    String separator = "?";
    if (cursor.kind() != CommentCursor.Kind.FIRST) {
      link.append(separator).append("comments=").append(cursor.text());
      separator = "&";
    }
    if (newestFirst) {
      link.append(separator).append("order=newest");
    }
    return link.append("#comments").toString();
  }

  /** The total in the edition's digits: 20,000, or ٢٠٬٠٠٠ in Sorani. */
  public String total() {
    return t().number(comments.total());
  }
}
