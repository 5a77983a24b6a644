package org.diwan.comment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.diwan.comment.SubmitComment;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a reader's comment form, {@code POST /articles/{slug}/comments}, with its 303 to the
 * status page without Spring MVC's dispatch, which cost about a quarter of the post's CPU: finding
 * the handler among the site's mappings, binding the fields, resolving the redirect view.
 *
 * <p>It runs after Spring Security's filters, so the CSRF token has been checked and the answer
 * carries the same headers. It posts through {@link CommentFormPosts}, as the controller does, and
 * answers only a stored comment, with the location {@link CommentForms} would redirect to. Every
 * other outcome (the form shown again with its errors, an unknown article, a limit reached) goes on
 * to {@link CommentForms}, which finds the outcome already decided and renders it; a form the
 * controller might bind differently (fields given twice, an encoded slug, a multipart body) goes on
 * untouched.
 */
class CommentFormShortcut extends FastPath {

  private static final String PREFIX = "/articles/";
  private static final String SUFFIX = "/comments";
  private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

  private final CommentFormPosts posts;
  private final LocaleResolver locales;

  CommentFormShortcut(CommentFormPosts posts, LocaleResolver locales) {
    this.posts = posts;
    this.locales = locales;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SubmitComment comment = plainForm(request);
    CommentFormPosts.Outcome outcome = null;
    if (comment != null) {
      try {
        outcome = posts.post(request, comment);
      } catch (RuntimeException e) {
        // kept by CommentFormPosts: the controller throws it again and the page says what happened
      }
    }
    if (outcome == null || outcome.stored() == null) {
      chain.doFilter(request, response);
      return;
    }
    String location = request.getContextPath() + CommentForms.statusLocation(outcome.stored());
    response.setLocale(locales.resolveLocale(request)); // as the dispatcher does for any view
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", response.encodeRedirectURL(location));
    counted();
  }

  /** The comment as the controller would bind it, or null where it might bind it otherwise. */
  private static SubmitComment plainForm(HttpServletRequest request) {
    String slug = ShortcutRequests.slugBetween(request, PREFIX, SUFFIX);
    String type = request.getContentType();
    if (slug == null
        || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith(FORM)
        || !(type.length() == FORM.length() || type.charAt(FORM.length()) == ';')) {
      return null;
    }
    String name = single(request, "name");
    String email = single(request, "email");
    String text = single(request, "text");
    String emailMe = single(request, "emailMe");
    if (name == null || email == null || text == null || emailMe == null) {
      return null;
    }
    return new SubmitComment(slug, name, email, text, CommentForms.ticked(emailMe));
  }

  /** The field's one value, "" when absent (as the controller's default), null when repeated. */
  private static String single(HttpServletRequest request, String field) {
    String[] values = request.getParameterValues(field);
    if (values == null) {
      return "";
    }
    return values.length == 1 ? values[0] : null;
  }
}
