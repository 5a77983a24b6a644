package org.diwan.moderation.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.Suspensions;
import org.diwan.guideline.Guidelines;
import org.diwan.moderation.Decide;
import org.diwan.moderation.Moderation;
import org.diwan.moderation.ModerationDecision;
import org.diwan.moderation.ModerationProblem;
import org.diwan.moderation.ModerationQueue;
import org.diwan.moderation.internal.Codes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderation console. Decisions are plain form posts, so it works without JavaScript; the
 * console's script sends the same forms with {@code Accept: application/json} and gets JSON back,
 * so a moderator never waits for a page reload.
 */
@Controller
class ModerationConsole {

  static final int PAGE = 25;

  private final ModerationQueue queue;
  private final Moderation moderation;
  private final Guidelines guidelines;
  private final Suspensions suspensions;

  ModerationConsole(
      ModerationQueue queue,
      Moderation moderation,
      Guidelines guidelines,
      Suspensions suspensions) {
    this.queue = queue;
    this.moderation = moderation;
    this.guidelines = guidelines;
    this.suspensions = suspensions;
  }

  @GetMapping("/moderation")
  String queue(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String article,
      @RequestParam(required = false) String email,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "AGE") String order,
      Model model) {
    if ("REPORTED".equalsIgnoreCase(status)) {
      return "redirect:/moderation/reported"; // issue 21: the Reported queue has its own page
    }
    CommentStatus wanted = ModerationQueue.status(status);
    QueueQuery.Order sort = ModerationQueue.order(order);
    ModerationQueue.Page page =
        queue.page(new QueueQuery(wanted, article, email, after, PAGE, sort));
    model.addAttribute(
        "page",
        new QueuePage(
            wanted,
            sort,
            article,
            email,
            queue.cards(page.comments()),
            page.next(),
            queue.pending(),
            guidelines.all(Locale.ENGLISH)));
    model.addAttribute("suspended", SuspendedCommenters.of(page.comments(), suspensions));
    return "moderation/queue";
  }

  @PostMapping("/moderation/comments/{id}/decision")
  Object decide(
      Principal moderator,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(required = false) List<String> codes,
      @RequestParam(required = false) String note,
      @RequestParam(defaultValue = "status=PENDING") String back,
      @RequestHeader(name = "Accept", defaultValue = "") String accept,
      RedirectAttributes flash) {
    boolean json = accept.contains(MediaType.APPLICATION_JSON_VALUE);
    try {
      ModerationDecision decision =
          moderation.decide(
              new Decide(
                  id, Codes.action(action), Codes.parse(codes), note, moderator.getName(), false));
      String done = "Comment " + id + " " + decision.action().done() + ".";
      if (json) {
        return ResponseEntity.ok(
            Map.of("id", id, "action", decision.action().name(), "message", done));
      }
      flash.addFlashAttribute("notice", done);
    } catch (ModerationProblem problem) {
      if (json) {
        return ResponseEntity.status(problem.getStatusCode())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem.getBody());
      }
      flash.addFlashAttribute("problem", problem.getMessage());
    }
    return "redirect:/moderation?"
        + (back.matches("[A-Za-z0-9=&%._@+-]*") ? back : "status=PENDING");
  }
}
