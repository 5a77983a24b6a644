package org.diwan.article.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.diwan.article.Article;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentPage;
import org.diwan.guideline.Guideline;
import org.diwan.site.Alternate;
import org.diwan.site.Menu;
import org.diwan.site.Texts;

/**
 * Everything the article page shows: the article, a page of its comments, the comment form, related
 * stories and the sections menu.
 */
public record ArticlePage(
    Article article,
    CommentPage comments,
    List<Article> related,
    Menu menu,
    String guidelinesWelcome,
    List<Guideline> guidelines,
    CommentForm form,
    String csrfParameter,
    String csrfToken,
    String canonicalUrl,
    String imageUrl,
    List<Alternate> alternates,
    boolean emailOffered) {

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

  /**
   * Plain links that share the story: no script of any network is loaded, the reader's browser only
   * follows a link when they choose to. {@code name} is a bundle key.
   */
  public List<Share> shares() {
    String url = enc(canonicalUrl);
    String title = enc(article.headline());
    return List.of(
        new Share("share.email", "mailto:?subject=" + title + "&body=" + url),
        new Share("share.x", "https://x.com/intent/tweet?url=" + url + "&text=" + title),
        new Share("share.facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url),
        new Share("share.whatsapp", "https://wa.me/?text=" + title + "%20" + url),
        new Share("share.telegram", "https://t.me/share/url?url=" + url + "&text=" + title),
        new Share("share.linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + url));
  }

  /** A share link: the bundle key of its name and where it leads. */
  public record Share(String name, String href) {}

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
