package org.diwan.comment.internal;

import org.diwan.comment.CommentApproved;
import org.diwan.comment.CommentRejected;
import org.diwan.comment.CommentRemoved;
import org.diwan.comment.CommenterErased;
import org.diwan.comment.CommentsImported;
import org.diwan.storage.ChangeFeed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces, in the changing transaction, what each comment change makes stale on every instance: a
 * decision its article's pages, an erasure everything (the name may show anywhere).
 */
@Component
class CommentChanges {

  private final ChangeFeed changes;

  CommentChanges(ChangeFeed changes) {
    this.changes = changes;
  }

  @EventListener
  void on(CommentApproved approved) {
    changes.changed(ChangeFeed.article(approved.articleId()));
  }

  @EventListener
  void on(CommentRejected rejected) {
    changes.changed(ChangeFeed.article(rejected.articleId()));
  }

  @EventListener
  void on(CommentRemoved removed) {
    changes.changed(ChangeFeed.article(removed.articleId()));
  }

  @EventListener
  void on(CommentsImported imported) {
    imported.comments().stream()
        .mapToLong(c -> c.articleId())
        .distinct()
        .forEach(id -> changes.changed(ChangeFeed.article(id)));
  }

  @EventListener
  void on(CommenterErased erased) {
    changes.changedEverything();
  }
}
