package org.diwan.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentFormPage;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The article page's comment form: 303 to the status page, or the article again with errors. */
@Controller
class CommentForms {

  private final CommentFormPosts posts;
  private final CommentFormPage pages;

  CommentForms(CommentFormPosts posts, CommentFormPage pages) {
    this.posts = posts;
    this.pages = pages;
  }

  @PostMapping("/articles/{slug}/comments")
  ModelAndView post(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String emailMe,
      CsrfToken csrf,
      HttpServletRequest request) {
    CommentFormPosts.Outcome outcome =
        posts.post(request, new SubmitComment(slug, name, email, text, ticked(emailMe)));
    if (outcome.stored() != null) {
      // An explicit fragment, or the browser would carry the form's #post-comment over.
      RedirectView toStatus = new RedirectView(statusLocation(outcome.stored()), true);
      toStatus.setStatusCode(HttpStatus.SEE_OTHER);
      return new ModelAndView(toStatus);
    }
    return pages.withErrors(
        slug,
        new CommentForm(name, email, text, outcome.invalid().reasons(), ticked(emailMe)),
        csrf);
  }

  /** Whether a checkbox was sent ticked ("on" is what a browser sends). */
  static boolean ticked(String value) {
    return value.equals("on") || value.equals("true");
  }

  /** Where a stored comment's reader is sent, within the site. */
  static String statusLocation(SubmittedComment stored) {
    return stored.statusPath() + "#status";
  }
}
