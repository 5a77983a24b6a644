package org.diwan.comment;

/**
 * Where a comment stands with the second screening stage (the encoder read in the background after
 * the comment is stored), as stored beside its screening.
 */
public enum SecondStage {
  /** The stage was switched off when the comment was stored: the first stage's verdict is all. */
  OFF("first stage"),
  /** Waiting for the background worker. */
  PENDING("first stage · second stage pending"),
  /** A worker has claimed it and is reading it. */
  WORKING("first stage · second stage pending"),
  /** Both stages read it: the scores shown are the combined ones. */
  SCORED("both stages"),
  /** The second stage could not read it (down, failed): never approved automatically. */
  UNSCORED("second stage could not score"),
  /** Not a language the encoder reads: left to the first stage. */
  LANGUAGE("first stage · language not read by the second stage"),
  /** No words to read (empty, emoji or punctuation only): left to the first stage. */
  NOTHING_TO_READ("first stage · nothing for the second stage to read"),
  /** Decided before the second stage reached it. */
  NOT_NEEDED("first stage");

  private final String label;

  SecondStage(String label) {
    this.label = label;
  }

  /** Which stages have scored the comment, as the moderation card says it. */
  public String label() {
    return label;
  }

  /** Whether an automatic approval may act on the stored verdict (see AutomaticDecisions). */
  public boolean settled() {
    return this == OFF || this == SCORED || this == LANGUAGE || this == NOTHING_TO_READ;
  }
}
