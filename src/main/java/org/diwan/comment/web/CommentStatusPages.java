package org.diwan.comment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.Guidelines;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

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
  String status(@PathVariable String token, Model model, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex");
    CommentStatusView view =
        statuses
            .byToken(token)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "This status link does not open any comment. Please check it was copied"
                            + " whole."));
    model.addAttribute(
        "page",
        new StatusPage(
            view,
            view.codes().stream()
                .sorted()
                .map(c -> guidelines.describe(c, Locale.ENGLISH))
                .toList()));
    return "comment-status";
  }
}
