package org.diwan.moderation.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.diwan.comment.Appeal;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.CommentAppeals;
import org.diwan.moderation.AppealDecisions;
import org.diwan.moderation.DecideAppeal;
import org.diwan.moderation.ModerationDecision;
import org.diwan.moderation.ModerationProblem;
import org.diwan.moderation.internal.DecisionRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Appeals queue of the moderation console, oldest first, and its two decisions: uphold or
 * reverse. An appeal against the viewer's own decision is shown without them; the server refuses it
 * anyway.
 */
@Controller
class AppealConsole {

  static final int PAGE = 50;

  private final CommentAppeals appeals;
  private final AppealDecisions decisions;
  private final DecisionRepository recorded;
  private final Clock clock;

  AppealConsole(
      CommentAppeals appeals, AppealDecisions decisions, DecisionRepository recorded, Clock clock) {
    this.appeals = appeals;
    this.decisions = decisions;
    this.recorded = recorded;
    this.clock = clock;
  }

  @GetMapping("/moderation/appeals")
  String appeals(Principal moderator, Model model) {
    Instant now = clock.instant();
    List<AppealCard> cards =
        appeals.waiting(PAGE).stream()
            .map(
                a -> {
                  ModerationDecision decision = recorded.latestFor(a.comment().id()).orElse(null);
                  boolean own =
                      decision != null
                          && !decision.automatic()
                          && decision.actor().equalsIgnoreCase(moderator.getName());
                  return new AppealCard(
                      a, decision, Duration.between(a.appeal().filedAt(), now), own);
                })
            .toList();
    model.addAttribute("cards", cards);
    model.addAttribute("waiting", appeals.countWaiting());
    return "moderation/appeals";
  }

  @PostMapping("/moderation/appeals/{id}/decision")
  String decide(
      Principal moderator,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String outcome,
      RedirectAttributes flash) {
    try {
      Appeal decided =
          decisions.decide(new DecideAppeal(id, outcome(outcome), moderator.getName()));
      flash.addFlashAttribute(
          "notice",
          "Appeal "
              + id
              + (decided.outcome() == AppealOutcome.REVERSED
                  ? " reversed: comment " + decided.commentId() + " is published."
                  : " upheld: comment " + decided.commentId() + " stays hidden."));
    } catch (ModerationProblem problem) {
      flash.addFlashAttribute("problem", problem.getMessage());
    }
    return "redirect:/moderation/appeals";
  }

  private static AppealOutcome outcome(String name) {
    return Optional.of(name.strip().toUpperCase(Locale.ROOT))
        .filter(n -> n.equals("UPHELD") || n.equals("REVERSED"))
        .map(AppealOutcome::valueOf)
        .orElse(null);
  }
}
