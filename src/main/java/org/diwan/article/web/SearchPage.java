package org.diwan.article.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.diwan.article.Article;
import org.diwan.article.ArticleBody;
import org.diwan.article.Articles;

/**
 * The search page: the query as the reader typed it, and what it found ({@code found} null when
 * there was nothing to look for; {@code asked} whether the reader sent a query at all).
 */
public record SearchPage(String lang, String query, boolean asked, Articles.Found found) {

  /** The first page of these results. */
  public String base() {
    return "/" + lang + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  /** The article's text as one run, for the excerpt around the first match. */
  public String text(Article article) {
    StringBuilder text = new StringBuilder();
    for (ArticleBody.Block block : article.blocks()) {
      String words;
      if (block instanceof ArticleBody.Paragraph p) {
        words = p.text();
      } else if (block instanceof ArticleBody.PullQuote q) {
        words = q.text();
      } else {
        words = ((ArticleBody.Subheading) block).text();
      }
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(words);
    }
    return text.toString();
  }
}
