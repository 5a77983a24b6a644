package org.diwan.article.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentFormPage;
import org.diwan.comment.CommentPage;
import org.diwan.comment.NoSuchCommentPage;
import org.diwan.comment.PublishedComments;
import org.diwan.guideline.Guidelines;
import org.diwan.site.Alternate;
import org.diwan.site.ErrorPage;
import org.diwan.site.Problems;
import org.diwan.site.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public HTML pages: home, article (with its comment form) and tag pages. The form's post is
 * the comment module's; it comes back here, through {@link CommentFormPage}, to show the form's
 * errors on the article.
 */
@Controller
class ArticlePages implements CommentFormPage {

  private static final int HOME_SIZE = 20;

  /** Comments on one page of an article. */
  static final int COMMENTS_PER_PAGE = 50;

  private final Articles articles;
  private final PublishedComments comments;
  private final Guidelines guidelines;
  private final RenderedArticles rendered;

  ArticlePages(
      Articles articles,
      PublishedComments comments,
      Guidelines guidelines,
      RenderedArticles rendered) {
    this.articles = articles;
    this.comments = comments;
    this.guidelines = guidelines;
    this.rendered = rendered;
  }

  /** An edition's code in a path: only Diwan's editions, so other addresses stay 404s. */
  private static final String EDITION = "{edition:en|ckb|kmr|ar|fa|tr}";

  @GetMapping("/")
  String home(Model model) {
    return edition(Texts.defaultEdition(), model);
  }

  /** An edition's front page; the default edition's lives at {@code /}. */
  @GetMapping({"/" + EDITION, "/" + EDITION + "/"})
  Object home(@PathVariable String edition, Model model) {
    Texts t = Texts.of(edition);
    if (t == Texts.defaultEdition()) {
      RedirectView toRoot = new RedirectView("/", true);
      toRoot.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
      return toRoot;
    }
    return edition(t, model);
  }

  private String edition(Texts t, Model model) {
    model.addAttribute("t", t);
    model.addAttribute("articles", articles.newest(t.lang(), 0, HOME_SIZE));
    return "home";
  }

  /**
   * The article page with one page of its comments ({@code comments}: a cursor, absent for the
   * first page; {@code order=newest} for newest first), from {@link RenderedArticles} with this
   * reader's CSRF token spliced in, or a 304 when the reader's copy is still the page and its form
   * still posts (see {@link RenderedArticles.Page#validation}). A cursor or order no page gave out
   * is a 400 page; a page past the last comment a 404.
   */
  @GetMapping("/articles/{slug}")
  ResponseEntity<byte[]> article(
      @PathVariable String slug,
      @RequestParam(name = "comments", required = false) String cursorText,
      @RequestParam(required = false) String order,
      CsrfToken csrf,
      HttpServletRequest request) {
    boolean newestFirst;
    CommentCursor cursor;
    try {
      newestFirst = newestFirst(order);
      cursor =
          CommentCursor.parse(cursorText)
              .orElseThrow(
                  () ->
                      NoSuchCommentPage.invalid(
                          "comments",
                          "This link to a page of comments cannot be read. Open the article to"
                              + " read its comments from the first."));
    } catch (NoSuchCommentPage unreadable) {
      // Explained in the article's language; only this rare path looks the article up first.
      articles.find(slug).ifPresent(a -> request.setAttribute(ErrorPage.EDITION, a.language()));
      throw unreadable;
    }
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    RenderedArticles.Page page =
        rendered.get(
            base + " " + slug + " " + cursor.text() + (newestFirst ? " newest" : ""),
            generations -> {
              Article article = articles.get(slug);
              request.setAttribute(ErrorPage.EDITION, article.language());
              generations.articleLoaded(article.id());
              CommentPage shown =
                  comments.page(article.id(), newestFirst, cursor, COMMENTS_PER_PAGE, "comments");
              if (shown.comments().isEmpty() && cursor.namesAComment()) {
                throw NoSuchCommentPage.pastTheEnd();
              }
              return page(
                  article,
                  shown,
                  CommentForm.empty(),
                  csrf.getParameterName(),
                  rendered.placeholder());
            });
    // Checked before the token is spliced in: most views of a page a reader has are 304s.
    HttpHeaders validation = page.validation(request);
    if (new ServletWebRequest(request).checkNotModified(validation.getETag())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(validation).build();
    }
    return ResponseEntity.ok()
        .headers(validation)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page.with(csrf.getToken()));
  }

  /** A topic across every edition, in the default edition's words. */
  @GetMapping("/tags/{slug}")
  String tag(@PathVariable String slug, Model model) {
    return tag(Texts.defaultEdition(), articles.tagged(slug), model);
  }

  /** A topic in one edition. */
  @GetMapping("/" + EDITION + "/tags/{slug}")
  String tag(@PathVariable String edition, @PathVariable String slug, Model model) {
    return tag(Texts.of(edition), articles.tagged(slug, edition), model);
  }

  private static String tag(Texts t, Optional<Articles.TagPage> page, Model model) {
    model.addAttribute("t", t);
    model.addAttribute(
        "page",
        page.orElseThrow(
            () ->
                new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    Problems.of(
                        HttpStatus.NOT_FOUND,
                        "topic.not-found",
                        "No such topic",
                        "There is no topic at this address."),
                    null)));
    return "tag";
  }

  /** The article page with the comment form as the reader sent it, each bad field marked. */
  @Override
  public ModelAndView withErrors(String slug, CommentForm form, CsrfToken csrf) {
    Article article = articles.get(slug);
    CommentPage first =
        comments.page(article.id(), false, CommentCursor.FIRST, COMMENTS_PER_PAGE, "comments");
    return new ModelAndView(
        "article",
        Map.of("page", page(article, first, form, csrf.getParameterName(), csrf.getToken())),
        HttpStatus.BAD_REQUEST);
  }

  private static boolean newestFirst(String order) {
    if (order == null || order.equals("oldest")) {
      return false;
    }
    if (order.equals("newest")) {
      return true;
    }
    throw NoSuchCommentPage.invalid(
        "order",
        "This article's comments can be shown oldest first or newest first (order=newest).");
  }

  private ArticlePage page(
      Article article, CommentPage shown, CommentForm form, String csrfField, String csrfToken) {
    String canonical =
        ServletUriComponentsBuilder.fromCurrentContextPath().path(article.path()).toUriString();
    String image =
        article.photos().isEmpty()
            ? null
            : ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(article.photos().get(0).url())
                .toUriString();
    Locale locale = Locale.forLanguageTag(article.language());
    List<Article> translations = articles.translations(article);
    List<Alternate> alternates = new ArrayList<>();
    if (!translations.isEmpty()) {
      alternates.add(new Alternate(article.language(), canonical));
      translations.forEach(
          other ->
              alternates.add(
                  new Alternate(
                      other.language(),
                      ServletUriComponentsBuilder.fromCurrentContextPath()
                          .path(other.path())
                          .toUriString())));
    }
    return new ArticlePage(
        article,
        shown,
        guidelines.welcome(locale),
        guidelines.all(locale),
        form,
        csrfField,
        csrfToken,
        canonical,
        image,
        alternates);
  }
}
