package org.diwan.article.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.SearchText;
import org.diwan.article.Section;
import org.diwan.article.Sections;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentFormPage;
import org.diwan.comment.CommentPage;
import org.diwan.comment.NoSuchCommentPage;
import org.diwan.comment.PublishedComments;
import org.diwan.guideline.Guidelines;
import org.diwan.site.Alternate;
import org.diwan.site.ErrorPage;
import org.diwan.site.Formats;
import org.diwan.site.MailOffer;
import org.diwan.site.Problems;
import org.diwan.site.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
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

  /** Stories of each section on the front page. */
  private static final int PER_SECTION = 3;

  /** Stories in no section shown on the front page after the sections. */
  private static final int LATEST = 6;

  private static final int MOST_READ = 5;

  private static final int RELATED = 4;

  /** Comments on one page of an article. */
  static final int COMMENTS_PER_PAGE = 50;

  private final Articles articles;
  private final Sections sections;
  private final PublishedComments comments;
  private final Guidelines guidelines;
  private final RenderedArticles rendered;
  private final FrontPages frontPages;

  private final MailOffer mail;

  ArticlePages(
      Articles articles,
      Sections sections,
      PublishedComments comments,
      Guidelines guidelines,
      RenderedArticles rendered,
      FrontPages frontPages,
      MailOffer mail) {
    this.articles = articles;
    this.sections = sections;
    this.comments = comments;
    this.guidelines = guidelines;
    this.rendered = rendered;
    this.frontPages = frontPages;
    this.mail = mail;
  }

  /** An edition's code in a path: only Diwan's editions, so other addresses stay 404s. */
  private static final String EDITION = "{edition:en|ckb|kmr|ar|fa|tr}";

  @GetMapping("/")
  ModelAndView home(@RequestParam(defaultValue = "1") int page) {
    return edition(Texts.defaultEdition(), page);
  }

  /** An edition's front page; the default edition's lives at {@code /}. */
  @GetMapping({"/" + EDITION, "/" + EDITION + "/"})
  Object home(@PathVariable String edition, @RequestParam(defaultValue = "1") int page) {
    Texts t = Texts.of(edition);
    if (t == Texts.defaultEdition() && page == 1) {
      RedirectView toRoot = new RedirectView("/", true);
      toRoot.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
      return toRoot;
    }
    return edition(t, page);
  }

  /**
   * The front page: the newest story as the lead, then the newest few of each section and of the
   * rest, and the most read; its later pages are the plain list of older stories.
   */
  private ModelAndView edition(Texts t, int page) {
    if (page > 1) {
      Articles.Listing listing = existing(articles.newestPage(t.lang(), page));
      return list(
          t,
          new ListPage(
              t.get("home.title") + " · " + t.get("list.page", t.number(page)),
              t.get("home.title"),
              null,
              t.get("home.description", Formats.siteName()),
              t.home(),
              null,
              "",
              listing,
              List.of(),
              counts(listing.articles()),
              List.of()));
    }
    FrontPages.Stories stories = frontPages.of(t.lang(), () -> stories(t.lang()));
    List<Article> all = new ArrayList<>(stories.latest());
    stories.sections().forEach(b -> all.addAll(b.articles()));
    if (stories.lead() != null) {
      all.add(stories.lead());
    }
    FrontPage front =
        new FrontPage(
            stories.lead(),
            stories.sections(),
            stories.latest(),
            stories.mostRead(),
            counts(all),
            stories.hasMore());
    return new ModelAndView("home", Map.of("t", t, "front", front));
  }

  /**
   * The newest story as the lead, the newest few of each section and of the rest, the most read.
   */
  private FrontPages.Stories stories(String lang) {
    Articles.Listing first = articles.newestPage(lang, 1);
    List<Article> newest = first.articles();
    Article lead = newest.isEmpty() ? null : newest.get(0);
    Set<Long> shown = new HashSet<>();
    if (lead != null) {
      shown.add(lead.id());
    }
    List<FrontPage.Block> blocks = new ArrayList<>();
    for (Section section : sections.of(lang)) {
      List<Article> latest =
          articles.latestIn(section, PER_SECTION + 1).stream()
              .filter(a -> !shown.contains(a.id()))
              .limit(PER_SECTION)
              .toList();
      if (!latest.isEmpty()) {
        latest.forEach(a -> shown.add(a.id()));
        blocks.add(new FrontPage.Block(section, latest));
      }
    }
    List<Article> rest =
        newest.stream().filter(a -> !shown.contains(a.id())).limit(LATEST).toList();
    return new FrontPages.Stories(
        lead, blocks, rest, articles.mostRead(lang, MOST_READ), first.hasNext());
  }

  /** A section's stories, newest first, a page at a time. */
  @GetMapping("/" + EDITION + "/sections/{slug}")
  ModelAndView section(
      @PathVariable String edition,
      @PathVariable String slug,
      @RequestParam(defaultValue = "1") int page) {
    Texts t = Texts.of(edition);
    Section section =
        sections
            .find(edition, slug)
            .orElseThrow(
                () ->
                    notFound(
                        "section.not-found",
                        "No such section",
                        "There is no section at this address."));
    Articles.Listing listing = existing(articles.inSection(section, page));
    return list(
        t,
        new ListPage(
            page == 1
                ? section.name()
                : section.name() + " · " + t.get("list.page", t.number(page)),
            section.name(),
            null,
            t.get("section.description", section.name(), Formats.siteName()),
            section.path(),
            ServletUriComponentsBuilder.fromCurrentContextPath().path(section.path()).toUriString(),
            section.slug(),
            listing,
            articles.mostRead(t.lang(), MOST_READ),
            counts(listing.articles()),
            List.of()));
  }

  /** A topic across every edition, in the default edition's words. */
  @GetMapping("/tags/{slug}")
  ModelAndView tag(@PathVariable String slug, @RequestParam(defaultValue = "1") int page) {
    Texts t = Texts.defaultEdition();
    return tag(t, articles.tagged(slug, null, page), "/tags/" + slug);
  }

  /** A topic in one edition. */
  @GetMapping("/" + EDITION + "/tags/{slug}")
  ModelAndView tag(
      @PathVariable String edition,
      @PathVariable String slug,
      @RequestParam(defaultValue = "1") int page) {
    return tag(
        Texts.of(edition), articles.tagged(slug, edition, page), "/" + edition + "/tags/" + slug);
  }

  private ModelAndView tag(Texts t, Optional<Articles.TagPage> found, String base) {
    Articles.TagPage page =
        found.orElseThrow(
            () ->
                notFound("topic.not-found", "No such topic", "There is no topic at this address."));
    Articles.Listing listing = existing(page.listing());
    return list(
        t,
        new ListPage(
            listing.page() == 1
                ? page.title()
                : page.title() + " · " + t.get("list.page", t.number(listing.page())),
            page.title(),
            t.get("tag.kicker"),
            t.get("tag.description", page.tag().name()),
            base,
            null,
            null,
            listing,
            List.of(),
            counts(listing.articles()),
            List.of()));
  }

  /** Search across every edition, in the default edition's words. */
  @GetMapping("/search")
  ModelAndView search(
      @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page) {
    return search(Texts.defaultEdition(), q, page);
  }

  /** Search across every edition, in this edition's words. */
  @GetMapping("/" + EDITION + "/search")
  ModelAndView search(
      @PathVariable String edition,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "1") int page) {
    return search(Texts.of(edition), q, page);
  }

  private ModelAndView search(Texts t, String q, int page) {
    String query = q == null ? "" : q.strip();
    if (query.length() > Articles.MAX_QUERY) {
      query = query.substring(0, Articles.MAX_QUERY);
      if (Character.isHighSurrogate(query.charAt(query.length() - 1))) {
        query = query.substring(0, query.length() - 1);
      }
    }
    Articles.Found found = null;
    if (!SearchText.terms(query).isEmpty()) {
      found = articles.search(q, null, Math.max(1, page));
    }
    return new ModelAndView(
        "search", Map.of("t", t, "search", new SearchPage(t.lang(), query, q != null, found)));
  }

  private ModelAndView list(Texts t, ListPage page) {
    return new ModelAndView("list", Map.of("t", t, "list", page));
  }

  /** A page past the last of a list is a 404 that says where the list starts. */
  private static Articles.Listing existing(Articles.Listing listing) {
    if (listing.page() > 1 && listing.articles().isEmpty()) {
      throw notFound(
          "page.not-found", "No such page", "This list has no page " + listing.page() + ".");
    }
    return listing;
  }

  private static ErrorResponseException notFound(String type, String title, String detail) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, type, title, detail), null);
  }

  private Map<Long, Long> counts(List<Article> shown) {
    Map<Long, Long> counts = new HashMap<>();
    for (Article a : shown) {
      counts.put(a.id(), comments.count(a.id()));
    }
    return counts;
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
    // A reader who opens the page again from their own copy (a 304) has read it again too.
    if (cursor.kind() == CommentCursor.Kind.FIRST && Reads.counts(request)) {
      articles.read(page.articleId());
    }
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
        articles.related(article, RELATED),
        sections,
        guidelines.welcome(locale),
        guidelines.all(locale),
        form,
        csrfField,
        csrfToken,
        canonical,
        image,
        alternates,
        mail.offered());
  }
}
