package org.diwan.moderation.web;

import java.util.List;
import org.diwan.comment.QueuedComment;
import org.diwan.comment.ScreeningSummary;
import org.diwan.guideline.Highlight;

/** One comment on the moderator's screen, with what the same commenter wrote before. */
public record QueueCard(QueuedComment comment, List<QueuedComment> history) {

  /** The comment's text cut into runs, its screening evidence marked. */
  public List<Highlight.Run> runs() {
    ScreeningSummary screening = comment.screening();
    List<Highlight.Span> spans =
        screening == null
            ? List.of()
            : screening.evidence().stream()
                .map(e -> new Highlight.Span(e.code(), e.start(), e.end()))
                .toList();
    return Highlight.of(comment.text(), spans);
  }

  public long approvedBefore() {
    return history.stream().filter(c -> c.status().name().equals("APPROVED")).count();
  }

  public long rejectedBefore() {
    return history.stream().filter(c -> c.status().name().equals("REJECTED")).count();
  }
}
