package org.diwan.notice;

/** What a notice tells its commenter; each has its subject and body in every edition's bundle. */
public enum NoticeKind {
  /** Their comment was approved, rejected or taken down. */
  DECISION,
  /** Their appeal was decided (upheld, or reversed and the comment published). */
  APPEAL_DECISION,
  /** The links to their comments of the last 30 days, asked for on "find my comments". */
  FIND_MY_COMMENTS;

  /** The bundle keys' prefix, e.g. {@code notice.decision}. */
  public String key() {
    return switch (this) {
      case DECISION -> "notice.decision";
      case APPEAL_DECISION -> "notice.appealDecision";
      case FIND_MY_COMMENTS -> "notice.find";
    };
  }
}
