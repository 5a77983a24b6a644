package org.diwan.moderation;

/** What a moderator decides about a pending comment. There is no action that edits it. */
public enum DecisionAction {
  APPROVE,
  REJECT
}
