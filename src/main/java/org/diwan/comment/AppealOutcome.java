package org.diwan.comment;

/** How a moderator decided an appeal: the decision stands, or it is reversed and published. */
public enum AppealOutcome {
  UPHELD,
  REVERSED
}
