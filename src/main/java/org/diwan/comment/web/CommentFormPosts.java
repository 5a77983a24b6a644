package org.diwan.comment.web;

import jakarta.servlet.http.HttpServletRequest;
import org.diwan.comment.CommentTargetNotFound;
import org.diwan.comment.InvalidComment;
import org.diwan.comment.ReaderPosts;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.springframework.stereotype.Component;

/**
 * Posts the article page's comment form, once per request.
 *
 * <p>{@link CommentFormShortcut} posts a plain form before Spring MVC sees the request and answers
 * a stored comment itself; anything else it leaves to {@link CommentForms}, which asks again for
 * the same comment and gets the first outcome, or the first exception thrown again, rather than a
 * second post: the rate limits count the post once and the page shows what happened to it.
 */
@Component
class CommentFormPosts {

  private static final String POSTED = CommentFormPosts.class.getName() + ".posted";

  /** What posting the form came to: the comment stored, or the form's errors. */
  record Outcome(SubmittedComment stored, InvalidComment invalid) {}

  private record Posted(SubmitComment comment, Outcome outcome, RuntimeException failure) {
    Outcome get() {
      if (failure != null) {
        throw failure;
      }
      return outcome;
    }
  }

  private final ReaderPosts posts;

  CommentFormPosts(ReaderPosts posts) {
    this.posts = posts;
  }

  /**
   * Posts the comment, unless this request posted the same comment already: then the same outcome.
   *
   * @throws CommentTargetNotFound for an unknown slug, and whatever the limits or the submission
   *     throw but {@link InvalidComment}, which is an outcome
   */
  Outcome post(HttpServletRequest request, SubmitComment comment) {
    if (request.getAttribute(POSTED) instanceof Posted earlier
        && earlier.comment().equals(comment)) {
      return earlier.get();
    }
    Posted posted;
    try {
      posted = new Posted(comment, postOnce(request.getRemoteAddr(), comment), null);
    } catch (RuntimeException e) {
      posted = new Posted(comment, null, e);
    }
    request.setAttribute(POSTED, posted);
    return posted.get();
  }

  private Outcome postOnce(String address, SubmitComment comment) {
    try {
      return new Outcome(posts.post(address, comment), null);
    } catch (InvalidComment invalid) {
      return new Outcome(null, invalid);
    }
  }
}
