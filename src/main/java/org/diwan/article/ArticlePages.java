package org.diwan.article;

import java.util.Locale;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.InvalidComment;
import org.diwan.comment.PublishedComments;
import org.diwan.comment.SubmissionLimits;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.guideline.Guidelines;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/** The public HTML pages: home, article (with its comment form) and tag pages. */
@Controller
class ArticlePages {

  private static final int HOME_SIZE = 20;
  private static final int COMMENTS_SHOWN = PublishedComments.MAX_PAGE_SIZE;

  private final Articles articles;
  private final PublishedComments comments;
  private final CommentSubmission submission;
  private final Guidelines guidelines;
  private final SubmissionLimits limits;

  ArticlePages(
      Articles articles,
      PublishedComments comments,
      CommentSubmission submission,
      Guidelines guidelines,
      SubmissionLimits limits) {
    this.articles = articles;
    this.comments = comments;
    this.submission = submission;
    this.guidelines = guidelines;
    this.limits = limits;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("articles", articles.newest(0, HOME_SIZE));
    return "home";
  }

  @GetMapping("/articles/{slug}")
  String article(@PathVariable String slug, CsrfToken csrf, Model model) {
    return render(articles.get(slug), CommentForm.empty(), csrf, model);
  }

  @GetMapping("/tags/{slug}")
  String tag(@PathVariable String slug, Model model) {
    Articles.TagPage page =
        articles
            .tagged(slug)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such topic."));
    model.addAttribute("page", page);
    return "tag";
  }

  /** The form's post: 303 to the status page, or the article again with the errors marked. */
  @PostMapping("/articles/{slug}/comments")
  ModelAndView postComment(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String text,
      CsrfToken csrf,
      Model model,
      jakarta.servlet.http.HttpServletRequest request) {
    Article article = articles.get(slug);
    limits.check(request.getRemoteAddr(), email);
    try {
      SubmittedComment submitted = submission.submit(new SubmitComment(slug, name, email, text));
      // An explicit fragment, or the browser would carry the form's #post-comment over.
      RedirectView toStatus = new RedirectView(submitted.statusPath() + "#status", true);
      toStatus.setStatusCode(HttpStatus.SEE_OTHER);
      return new ModelAndView(toStatus);
    } catch (InvalidComment invalid) {
      String view =
          render(article, new CommentForm(name, email, text, invalid.fieldErrors()), csrf, model);
      return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
    }
  }

  private String render(Article article, CommentForm form, CsrfToken csrf, Model model) {
    String canonical =
        ServletUriComponentsBuilder.fromCurrentContextPath().path(article.path()).toUriString();
    String image =
        article.photos().isEmpty()
            ? null
            : ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(article.photos().get(0).url())
                .toUriString();
    Locale locale = Locale.forLanguageTag(article.language());
    model.addAttribute(
        "page",
        new ArticlePage(
            article,
            comments.of(article.id(), 0, COMMENTS_SHOWN),
            guidelines.welcome(locale),
            guidelines.all(locale),
            form,
            csrf.getParameterName(),
            csrf.getToken(),
            canonical,
            image));
    return "article";
  }
}
