package org.diwan.storage;

/**
 * What changed, on every instance of the site: the one thing every cache asks before it answers
 * from memory. A change announced here reaches this instance's caches when its transaction commits
 * (before the changing request returns) and every other instance's within milliseconds
 * (PostgreSQL's {@code LISTEN/NOTIFY}); on the embedded SQLite file there is only this instance.
 *
 * <p>A cache keeps, with each answer, the generations it read <em>before</em> reading the answer's
 * data, and uses the answer only while {@link #synced()} and both generations are unchanged. While
 * the notification channel is down (database restarted, connection lost) nothing may be answered
 * from a cache; when it is back, {@link #everything()} moves on, so nothing kept before is used
 * again. Thread-safe.
 */
public interface ChangeFeed {

  /** The scope of one article's pages, comments and counts. */
  static String article(long articleId) {
    return "article:" + articleId;
  }

  /** Whether answers kept in memory may be used: no change can have been missed. */
  boolean synced();

  /** The generation of the whole site: moves on with every site-wide change and resync. */
  long everything();

  /** The generation of one {@code scope}, e.g. {@link #article}. */
  long of(String scope);

  /** Announces a change to {@code scope}: at commit of the current transaction, or now. */
  void changed(String scope);

  /** Announces a change that may show anywhere (an erasure, an edit). */
  void changedEverything();
}
