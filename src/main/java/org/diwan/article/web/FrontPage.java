package org.diwan.article.web;

import java.util.List;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.Section;

/**
 * An edition's front page: the lead story, the latest of each section, the latest of the rest, the
 * most read, and how many comments each has published.
 */
public record FrontPage(
    Article lead,
    List<Block> sections,
    List<Article> latest,
    List<Article> mostRead,
    Map<Long, Long> counts,
    boolean hasMore) {

  /** A section's newest stories. */
  public record Block(Section section, List<Article> articles) {}

  public long comments(Article article) {
    return counts.getOrDefault(article.id(), 0L);
  }
}
