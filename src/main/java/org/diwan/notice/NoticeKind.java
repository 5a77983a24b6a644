package org.diwan.notice;

/** What a notice tells its commenter; each has its subject and body in every edition's bundle. */
public enum NoticeKind {
  /** Their comment was approved, rejected or taken down. */
  DECISION,
  /** Their appeal was decided (upheld, or reversed and the comment published). */
  APPEAL_DECISION;

  /** The bundle keys' prefix, e.g. {@code notice.decision}. */
  public String key() {
    return this == DECISION ? "notice.decision" : "notice.appealDecision";
  }
}
