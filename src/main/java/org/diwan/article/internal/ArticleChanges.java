package org.diwan.article.internal;

import org.diwan.article.ArticleUpdated;
import org.diwan.article.SectionChanged;
import org.diwan.storage.ChangeFeed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces every article change (an edit, a photo, publishing, comments opened or closed) to every
 * instance, in the changing transaction: as a site-wide change, since a headline shows on pages
 * other than the article's own.
 */
@Component
class ArticleChanges {

  private final ChangeFeed changes;

  ArticleChanges(ChangeFeed changes) {
    this.changes = changes;
  }

  @EventListener
  void on(ArticleUpdated updated) {
    changes.changedEverything();
  }

  /** A section's name and place show in every page's menu. */
  @EventListener
  void on(SectionChanged changed) {
    changes.changedEverything();
  }
}
