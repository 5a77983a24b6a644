package org.diwan.comment;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows the page a comment form was posted from, the article's, again with the form as the reader
 * filled it in and each bad field marked. The article module implements it, so the form's post
 * belongs to comments while the dependency runs one way, as with {@link CommentTargets}.
 */
public interface CommentFormPage {

  /** The article page for {@code slug} with {@code form} in its comment form, answered 400. */
  ModelAndView withErrors(String slug, CommentForm form, CsrfToken csrf);
}
