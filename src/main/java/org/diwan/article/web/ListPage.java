package org.diwan.article.web;

import java.util.List;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.site.Alternate;

/**
 * A page of a list of stories: a section, a topic, or the front page past its first page. {@code
 * base} is the list's first page, {@code section} the slug the menu marks as current.
 */
public record ListPage(
    String title,
    String heading,
    String kicker,
    String description,
    String base,
    String canonical,
    String section,
    Articles.Listing listing,
    List<Article> mostRead,
    Map<Long, Long> counts,
    List<Alternate> alternates) {

  public long comments(Article article) {
    return counts.getOrDefault(article.id(), 0L);
  }
}
