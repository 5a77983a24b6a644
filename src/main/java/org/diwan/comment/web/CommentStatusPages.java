package org.diwan.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.diwan.comment.Appeal;
import org.diwan.comment.AppealRefused;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.Guidelines;
import org.diwan.site.ErrorPage;
import org.diwan.site.MailOffer;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The private status page a commenter is sent to after posting, and the appeal it offers once the
 * comment is rejected or removed. The address is the secret (and the appeal's proof), so the page
 * is never cached by shared caches, indexed, or named in a Referer header.
 */
@Controller
class CommentStatusPages {

  private final CommentStatuses statuses;
  private final CommentAppeals appeals;
  private final Guidelines guidelines;
  private final MailOffer mail;

  CommentStatusPages(
      CommentStatuses statuses, CommentAppeals appeals, Guidelines guidelines, MailOffer mail) {
    this.statuses = statuses;
    this.appeals = appeals;
    this.guidelines = guidelines;
    this.mail = mail;
  }

  /** Whether the page may point to "find my comments", which needs e-mail. */
  @ModelAttribute("findOffered")
  boolean findOffered() {
    return mail.offered();
  }

  @GetMapping("/comments/{token}")
  String status(
      @PathVariable String token,
      CsrfToken csrf,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    CommentStatusView view = open(token, request, response);
    model.addAttribute("page", page(view, token, csrf, "", null));
    return "comment-status";
  }

  /**
   * Files the comment's one appeal and shows the page again; an explanation that breaks the rules
   * shows the form again with what was typed (400), every other refusal a page of its own.
   */
  @PostMapping("/comments/{token}/appeal")
  String appeal(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String text,
      CsrfToken csrf,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    CommentStatusView view = open(token, request, response);
    try {
      appeals.file(token, text);
    } catch (AppealRefused refused) {
      if (refused.getStatusCode().value() != 400) {
        throw refused;
      }
      response.setStatus(400);
      model.addAttribute("page", page(view, token, csrf, text, refused.getMessage()));
      return "comment-status";
    }
    return "redirect:/comments/" + token + "#appeal";
  }

  private CommentStatusView open(
      String token, HttpServletRequest request, HttpServletResponse response) {
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
    request.setAttribute(ErrorPage.EDITION, view.article().language());
    return view;
  }

  private StatusPage page(
      CommentStatusView view, String token, CsrfToken csrf, String text, String error) {
    Locale locale = Locale.forLanguageTag(view.article().language());
    Appeal appeal = appeals.ofComment(view.commentId()).orElse(null);
    boolean offered =
        appeal == null
            && (view.status() == CommentStatus.REJECTED || view.status() == CommentStatus.REMOVED);
    return new StatusPage(
        view,
        view.codes().stream().sorted().map(c -> guidelines.describe(c, locale)).toList(),
        token,
        appeal,
        // Only a form on the page needs a token (and so a session).
        offered
            ? new StatusPage.AppealForm(csrf.getParameterName(), csrf.getToken(), text, error)
            : null);
  }
}
