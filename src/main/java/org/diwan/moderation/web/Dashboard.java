package org.diwan.moderation.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.Suspensions;
import org.diwan.moderation.Reports;
import org.diwan.moderation.internal.DecisionRepository;
import org.diwan.site.SiteProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** How moderation is keeping up: what waits, who decided what today, how long comments wait. */
@Controller
class Dashboard {

  private final CommentQueue comments;
  private final DecisionRepository decisions;
  private final Clock clock;
  private final ZoneId zone;
  private final Reports reports;
  private final Suspensions suspensions;
  private final CommentAppeals appeals;

  Dashboard(
      CommentQueue comments,
      DecisionRepository decisions,
      Clock clock,
      SiteProperties site,
      Reports reports,
      Suspensions suspensions,
      CommentAppeals appeals) {
    this.appeals = appeals;
    this.comments = comments;
    this.decisions = decisions;
    this.clock = clock;
    this.zone = site.timeZone();
    this.reports = reports;
    this.suspensions = suspensions;
  }

  @GetMapping("/moderation/dashboard")
  String dashboard(Model model) {
    Instant now = clock.instant();
    // "Today" starts at midnight where the site is, as every date it shows does.
    Instant today = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    List<Duration> waits =
        new ArrayList<>(comments.waitsDecidedSince(now.minus(Duration.ofDays(7))));
    Collections.sort(waits);
    model.addAttribute(
        "figures",
        new DashboardFigures(
            comments.pendingCount(),
            comments.oldestPending().map(t -> Duration.between(t, now)).orElse(null),
            decisions.countsByActorSince(today),
            median(waits),
            waits.size(),
            zone));
    // issue 21: reports and suspensions
    Reports.Waiting reported = reports.waiting();
    model.addAttribute(
        "reports",
        new ReportFigures(
            reported.comments(),
            reported.oldest() == null ? null : Duration.between(reported.oldest(), now),
            suspensions.inForceCount()));
    Instant month = now.minus(Duration.ofDays(30));
    model.addAttribute(
        "appeals",
        new AppealFigures(
            appeals.countWaiting(),
            appeals.oldestWaiting().map(t -> Duration.between(t, now)).orElse(null),
            appeals.decidedSince(AppealOutcome.UPHELD, month),
            appeals.decidedSince(AppealOutcome.REVERSED, month)));
    return "moderation/dashboard";
  }

  static Duration median(List<Duration> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(mid)
        : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
  }
}
