package org.diwan.moderation;

import java.util.List;
import org.diwan.comment.QueuedComment;

/** One comment on the moderator's screen, with what the same commenter wrote before. */
public record QueueCard(QueuedComment comment, List<QueuedComment> history) {

  public long approvedBefore() {
    return history.stream().filter(c -> c.status().name().equals("APPROVED")).count();
  }

  public long rejectedBefore() {
    return history.stream().filter(c -> c.status().name().equals("REJECTED")).count();
  }
}
