package org.diwan.moderation;

/**
 * What a moderator decides about a comment: approve or reject a pending one, or remove (take down)
 * a published one. There is no action that edits it.
 */
public enum DecisionAction {
  APPROVE,
  REJECT,
  REMOVE;

  /** The past tense for messages and the audit log: approved, rejected, removed. */
  public String done() {
    return switch (this) {
      case APPROVE -> "approved";
      case REJECT -> "rejected";
      case REMOVE -> "removed";
    };
  }
}
