package org.diwan.article;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.InvalidComment;
import org.diwan.comment.PublishedComments;
import org.diwan.comment.SubmissionLimits;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.guideline.Guidelines;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
  private final RenderedArticles rendered;
  private final ArticleCommentTargets targets;

  ArticlePages(
      Articles articles,
      PublishedComments comments,
      CommentSubmission submission,
      Guidelines guidelines,
      SubmissionLimits limits,
      RenderedArticles rendered,
      ArticleCommentTargets targets) {
    this.articles = articles;
    this.comments = comments;
    this.submission = submission;
    this.guidelines = guidelines;
    this.limits = limits;
    this.rendered = rendered;
    this.targets = targets;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("articles", articles.newest(0, HOME_SIZE));
    return "home";
  }

  /** The article page, from {@link RenderedArticles} with this reader's CSRF token spliced in. */
  @GetMapping("/articles/{slug}")
  ResponseEntity<byte[]> article(@PathVariable String slug, CsrfToken csrf) {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    RenderedArticles.Page page =
        rendered.get(
            base + " " + slug,
            generations -> {
              Article article = articles.get(slug);
              generations.articleLoaded(article.id());
              return page(
                  article, CommentForm.empty(), csrf.getParameterName(), rendered.placeholder());
            });
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page.with(csrf.getToken()));
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
    // The kept answer, not the whole article: it is read only to show the form again.
    if (targets.bySlug(slug).isEmpty()) {
      throw new ArticleNotFound(slug);
    }
    limits.check(request.getRemoteAddr(), email);
    try {
      SubmittedComment submitted = submission.submit(new SubmitComment(slug, name, email, text));
      // An explicit fragment, or the browser would carry the form's #post-comment over.
      RedirectView toStatus = new RedirectView(submitted.statusPath() + "#status", true);
      toStatus.setStatusCode(HttpStatus.SEE_OTHER);
      return new ModelAndView(toStatus);
    } catch (InvalidComment invalid) {
      String view =
          render(
              articles.get(slug),
              new CommentForm(name, email, text, invalid.fieldErrors()),
              csrf,
              model);
      return new ModelAndView(view, model.asMap(), HttpStatus.BAD_REQUEST);
    }
  }

  private String render(Article article, CommentForm form, CsrfToken csrf, Model model) {
    model.addAttribute("page", page(article, form, csrf.getParameterName(), csrf.getToken()));
    return "article";
  }

  private ArticlePage page(Article article, CommentForm form, String csrfField, String csrfToken) {
    String canonical =
        ServletUriComponentsBuilder.fromCurrentContextPath().path(article.path()).toUriString();
    String image =
        article.photos().isEmpty()
            ? null
            : ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(article.photos().get(0).url())
                .toUriString();
    Locale locale = Locale.forLanguageTag(article.language());
    return new ArticlePage(
        article,
        comments.of(article.id(), 0, COMMENTS_SHOWN),
        guidelines.welcome(locale),
        guidelines.all(locale),
        form,
        csrfField,
        csrfToken,
        canonical,
        image);
  }
}
