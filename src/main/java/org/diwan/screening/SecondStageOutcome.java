package org.diwan.screening;

/** What the second stage did with a comment; only {@link #SCORED} changes the first's verdict. */
public enum SecondStageOutcome {
  /** The encoder read the comment; the combined scores are calibrated where labelled data was. */
  SCORED,
  /** The comment is not in a language the encoder reads; the first stage's verdict stands. */
  LANGUAGE_NOT_COVERED,
  /** Nothing to read (empty, emoji or punctuation only); the first stage's verdict stands. */
  NOTHING_TO_READ,
  /** The first stage failed on this comment; it waits for a human whatever the second says. */
  FIRST_STAGE_FAILED,
  /** The second stage is down (its model is missing or corrupt, or the encoder cannot start). */
  UNAVAILABLE,
  /** The encoder threw on this comment; the first stage's verdict stands. */
  FAILED
}
