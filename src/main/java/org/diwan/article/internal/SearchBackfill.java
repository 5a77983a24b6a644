package org.diwan.article.internal;

import org.diwan.article.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, indexes for search the articles stored before the index existed (a site upgraded from
 * an earlier release), a batch per transaction so readers are never held up for long.
 */
@Component
class SearchBackfill {

  private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
  private static final int BATCH = 500;

  private final Articles articles;

  SearchBackfill(Articles articles) {
    this.articles = articles;
  }

  @EventListener(ApplicationReadyEvent.class)
  void indexMissing() {
    int total = 0;
    for (int done; (done = articles.indexMissing(BATCH)) > 0; ) {
      total += done;
    }
    if (total > 0) {
      log.info("Indexed {} articles for search", total);
    }
  }
}
