package org.diwan.importer;

import java.util.Map;

/**
 * What an import did, as counted so far (progress) or at the end: articles and comments brought in,
 * those already imported by an earlier run (skipped), and comments left out, by why.
 */
public record ImportSummary(
    int articlesImported,
    int articlesSkipped,
    long commentsImported,
    long commentsSkipped,
    Map<LeftOut, Long> commentsLeftOut) {

  /** Why a comment of the export was not brought in. */
  public enum LeftOut {
    /** Marked spam where it came from. */
    SPAM,
    /** In the trash, or deleted, where it came from. */
    TRASH,
    /** A pingback, a trackback or another site's note: not a reader's comment. */
    NOT_A_COMMENT,
    /** On a story that was not brought in (a trashed post, an unknown thread). */
    NO_ARTICLE
  }

  public ImportSummary {
    commentsLeftOut = Map.copyOf(commentsLeftOut);
  }

  /** Comments left out for {@code why}. */
  public long leftOut(LeftOut why) {
    return commentsLeftOut.getOrDefault(why, 0L);
  }
}
