package org.diwan.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.QueuedComment;
import org.diwan.comment.ScreeningSummary;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.Decide;
import org.diwan.moderation.Moderation;
import org.diwan.moderation.ModerationDecision;
import org.diwan.moderation.ModerationProblem;
import org.diwan.moderation.ModerationQueue;
import org.diwan.moderation.internal.Codes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderation API (MODERATOR): read the queues, decide comments. */
@RestController
@Tag(name = "Moderation")
class ModerationApi {

  private final ModerationQueue queue;
  private final Moderation moderation;

  ModerationApi(ModerationQueue queue, Moderation moderation) {
    this.queue = queue;
    this.moderation = moderation;
  }

  record Item(
      long id,
      String articleSlug,
      String articleHeadline,
      String name,
      String email,
      String text,
      Instant submittedAt,
      String status,
      Instant decidedAt,
      Set<GuidelineCode> codes,
      String note,
      Instant removedAt,
      ScreeningJson screening) {
    static Item of(QueuedComment c) {
      return new Item(
          c.id(),
          c.article().slug(),
          c.article().headline(),
          c.name(),
          c.email(),
          c.text(),
          c.submittedAt(),
          c.status().name(),
          c.decidedAt(),
          c.codes(),
          c.note(),
          c.removedAt(),
          ScreeningJson.of(c.screening()));
    }
  }

  /** What screening said of a comment; null for comments stored before screening existed. */
  record ScreeningJson(
      double risk,
      Map<GuidelineCode, Double> scores,
      Set<GuidelineCode> flagged,
      List<ScreeningSummary.Span> evidence,
      boolean failed,
      String version) {
    static ScreeningJson of(ScreeningSummary s) {
      return s == null
          ? null
          : new ScreeningJson(
              s.risk(), s.scores(), s.flagged(), s.evidence(), s.failed(), s.version());
    }
  }

  /** A page of a queue; pass {@code next} as {@code cursor} for the following page. */
  record Page(List<Item> items, String next) {}

  record DecisionRequest(String action, List<String> codes, String note) {}

  @GetMapping(path = "/api/moderation/queue", produces = "application/json")
  @Operation(
      summary = "A queue: by AGE (PENDING oldest first, decided newest first) or by screening RISK")
  Page queue(
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String article,
      @RequestParam(required = false) String email,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "AGE") String order) {
    long after;
    try {
      after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw ModerationProblem.invalid("cursor must be the 'next' value of the previous page.");
    }
    int size = Math.max(1, Math.min(limit, 200));
    QueueQuery.Order sort = ModerationQueue.order(order);
    ModerationQueue.Page page =
        queue.page(
            new QueueQuery(ModerationQueue.status(status), article, email, after, size, sort));
    return new Page(
        page.comments().stream().map(Item::of).toList(),
        page.next() == null ? null : String.valueOf(page.next()));
  }

  @PostMapping(
      path = "/api/moderation/comments/{id}/decision",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary =
          "Approve or reject a pending comment, or REMOVE a published one, with guideline codes;"
              + " 409 when already decided or not published")
  ModerationDecision decide(
      Principal moderator, @PathVariable long id, @RequestBody DecisionRequest body) {
    return moderation.decide(
        new Decide(
            id,
            Codes.action(body.action()),
            Codes.parse(body.codes()),
            body.note(),
            moderator.getName(),
            false));
  }
}
