package org.diwan.article;

import java.time.Instant;
import java.util.List;

/**
 * What it takes to publish an article. {@code slug} may be null (made from the headline); {@code
 * publishedAt} null means now; {@code published} false keeps it a draft only staff can see. Photos
 * name files already stored in the photo directory; {@code section} is the slug of a section of the
 * article's edition, or null.
 */
public record NewArticle(
    String slug,
    String headline,
    String source,
    String dateline,
    String body,
    String language,
    List<String> tags,
    List<Photo> photos,
    Instant publishedAt,
    boolean commentsOpen,
    boolean published,
    String section) {

  /** An article filed under no section. */
  public NewArticle(
      String slug,
      String headline,
      String source,
      String dateline,
      String body,
      String language,
      List<String> tags,
      List<Photo> photos,
      Instant publishedAt,
      boolean commentsOpen,
      boolean published) {
    this(
        slug,
        headline,
        source,
        dateline,
        body,
        language,
        tags,
        photos,
        publishedAt,
        commentsOpen,
        published,
        null);
  }
}
