package org.diwan.moderation.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.QueuedComment;
import org.diwan.comment.Suspensions;
import org.diwan.guideline.Guidelines;
import org.diwan.moderation.ModerationQueue;
import org.diwan.moderation.ReportProblem;
import org.diwan.moderation.ReportedComment;
import org.diwan.moderation.Reports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Reported queue: published comments readers reported, most reported first. A moderator keeps
 * one (its reports are dismissed) or takes it down with the console's usual REMOVE form. Plain form
 * posts; the console's script sends them with {@code Accept: application/json}.
 */
@Controller
class ReportedConsole {

  private final Reports reports;
  private final CommentQueue comments;
  private final ModerationQueue queue;
  private final Suspensions suspensions;
  private final Guidelines guidelines;

  ReportedConsole(
      Reports reports,
      CommentQueue comments,
      ModerationQueue queue,
      Suspensions suspensions,
      Guidelines guidelines) {
    this.reports = reports;
    this.comments = comments;
    this.queue = queue;
    this.suspensions = suspensions;
    this.guidelines = guidelines;
  }

  @GetMapping("/moderation/reported")
  String reported(Model model) {
    List<ReportedComment> open = reports.queue(ModerationConsole.PAGE);
    List<QueuedComment> shown =
        open.stream().map(r -> comments.find(r.commentId())).flatMap(Optional::stream).toList();
    List<QueueCard> cards = queue.cards(shown);
    List<ReportedCard> page =
        cards.stream()
            .map(
                c ->
                    new ReportedCard(
                        c,
                        open.stream()
                            .filter(r -> r.commentId() == c.comment().id())
                            .findFirst()
                            .orElseThrow()))
            .toList();
    model.addAttribute("cards", page);
    model.addAttribute("waiting", reports.waiting().comments());
    model.addAttribute("pending", queue.pending());
    model.addAttribute("suspended", SuspendedCommenters.of(shown, suspensions));
    model.addAttribute("guidelines", guidelines.all(Locale.ENGLISH));
    return "moderation/reported";
  }

  @PostMapping("/moderation/comments/{id}/keep")
  Object keep(
      Principal moderator,
      @PathVariable long id,
      @RequestHeader(name = "Accept", defaultValue = "") String accept,
      RedirectAttributes flash) {
    boolean json = accept.contains(MediaType.APPLICATION_JSON_VALUE);
    try {
      int dismissed = reports.keep(id, moderator.getName());
      String done = "Comment " + id + " kept; " + dismissed + " reports dismissed.";
      if (json) {
        return ResponseEntity.ok(Map.of("id", id, "action", "KEEP", "message", done));
      }
      flash.addFlashAttribute("notice", done);
    } catch (ReportProblem problem) {
      if (json) {
        return ResponseEntity.status(problem.getStatusCode())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem.getBody());
      }
      flash.addFlashAttribute("problem", problem.getMessage());
    }
    return "redirect:/moderation/reported";
  }
}
