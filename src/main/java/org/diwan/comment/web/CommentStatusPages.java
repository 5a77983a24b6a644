package org.diwan.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.Guidelines;
import org.diwan.site.ErrorPage;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The private status page a commenter is sent to after posting. The address is the secret, so the
 * page is never cached by shared caches, indexed, or named in a Referer header.
 */
@Controller
class CommentStatusPages {

  private final CommentStatuses statuses;
  private final Guidelines guidelines;

  CommentStatusPages(CommentStatuses statuses, Guidelines guidelines) {
    this.statuses = statuses;
    this.guidelines = guidelines;
  }

  @GetMapping("/comments/{token}")
  String status(
      @PathVariable String token,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex");
    CommentStatusView view =
        statuses
            .byToken(token)
            .orElseThrow(
                () ->
                    new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        Problems.of(
                            HttpStatus.NOT_FOUND,
                            "comment.status-not-found",
                            "No such comment",
                            "This status link does not open any comment. Please check it was"
                                + " copied whole."),
                        null));
    Locale locale = Locale.forLanguageTag(view.article().language());
    request.setAttribute(ErrorPage.EDITION, view.article().language());
    model.addAttribute(
        "page",
        new StatusPage(
            view,
            view.codes().stream().sorted().map(c -> guidelines.describe(c, locale)).toList()));
    return "comment-status";
  }
}
