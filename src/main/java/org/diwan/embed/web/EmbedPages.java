package org.diwan.embed.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.comment.CommentCursor;
import org.diwan.comment.CommentForm;
import org.diwan.comment.CommentPage;
import org.diwan.comment.InvalidComment;
import org.diwan.comment.NoSuchCommentPage;
import org.diwan.comment.PublishedComments;
import org.diwan.comment.ReaderPosts;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.embed.EmbedSites;
import org.diwan.embed.EmbedStories;
import org.diwan.embed.InvalidEmbed;
import org.diwan.embed.Origins;
import org.diwan.guideline.Guidelines;
import org.diwan.site.ContentSecurity;
import org.diwan.site.MailOffer;
import org.diwan.site.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The embed's pages, shown in an iframe that {@code /embed.js} puts into a host page: a story's
 * comment section, framed only by the origin it is shown for ({@code frame-ancestors}); or, for an
 * origin not on the admin's list, a short refusal that any page may frame, so that the host's owner
 * reads it. The comment form keeps the site's CSRF protection (the reader's token cookie).
 */
@Controller
class EmbedPages {

  /** Comments on one page of the embed, as on the article page. */
  private static final int PER_PAGE = 50;

  private final EmbedSites sites;
  private final EmbedStories stories;
  private final PublishedComments comments;
  private final ReaderPosts posts;
  private final Guidelines guidelines;
  private final MailOffer mail;

  EmbedPages(
      EmbedSites sites,
      EmbedStories stories,
      PublishedComments comments,
      ReaderPosts posts,
      Guidelines guidelines,
      MailOffer mail) {
    this.sites = sites;
    this.stories = stories;
    this.comments = comments;
    this.posts = posts;
    this.guidelines = guidelines;
    this.mail = mail;
  }

  @GetMapping("/embed")
  ModelAndView embed(
      @RequestParam(defaultValue = "") String origin,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(required = false) String id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String lang,
      @RequestParam(name = "comments", required = false) String cursorText,
      CsrfToken csrf,
      HttpServletRequest request,
      HttpServletResponse response) {
    String allowed = allowedOrRefuse(origin, response);
    if (allowed == null) {
      return refused(origin);
    }
    try {
      EmbedStories.Story story = EmbedStories.story(allowed, url, id, title, lang);
      CommentCursor cursor =
          CommentCursor.parse(cursorText)
              .orElseThrow(
                  () -> NoSuchCommentPage.invalid("comments", "This page of comments is unknown."));
      Article article = stories.findOrCreate(story, request.getRemoteAddr());
      return page(story, article, cursor, CommentForm.empty(), csrf, null, HttpStatus.OK);
    } catch (InvalidEmbed | NoSuchCommentPage bad) {
      return problem(allowed, bad.getMessage(), HttpStatus.BAD_REQUEST);
    }
  }

  /** The embed's comment form: the page again with the status link, or with the form's errors. */
  @PostMapping("/embed/comments")
  ModelAndView post(
      @RequestParam(defaultValue = "") String origin,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(required = false) String lang,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String emailMe,
      CsrfToken csrf,
      HttpServletRequest request,
      HttpServletResponse response) {
    String allowed = allowedOrRefuse(origin, response);
    if (allowed == null) {
      return refused(origin);
    }
    boolean ticked = emailMe.equals("on") || emailMe.equals("true");
    EmbedStories.Story story;
    Article article;
    try {
      story = EmbedStories.story(allowed, url, null, null, lang);
      article =
          stories
              .find(story)
              .orElseThrow(
                  () ->
                      new InvalidEmbed("This story has no comment section yet: reload the page."));
    } catch (InvalidEmbed bad) {
      return problem(allowed, bad.getMessage(), HttpStatus.BAD_REQUEST);
    }
    try {
      SubmittedComment stored =
          posts.post(
              request.getRemoteAddr(),
              new SubmitComment(article.slug(), name, email, text, ticked));
      return page(
          story,
          article,
          CommentCursor.FIRST,
          CommentForm.empty(),
          csrf,
          stored.statusPath(),
          HttpStatus.OK);
    } catch (InvalidComment invalid) {
      return page(
          story,
          article,
          CommentCursor.FIRST,
          new CommentForm(name, email, text, invalid.reasons(), ticked),
          csrf,
          null,
          HttpStatus.BAD_REQUEST);
    } catch (ErrorResponseException refused) { // a limit, a repeat, a suspension, a closed story
      String detail = refused.getBody().getDetail();
      return problem(
          allowed,
          detail == null ? "This comment could not be posted." : detail,
          HttpStatus.valueOf(refused.getStatusCode().value()));
    }
  }

  /** The origin as stored when it is allowed, with the header that lets it frame the page. */
  private String allowedOrRefuse(String origin, HttpServletResponse response) {
    String checked = Origins.find(origin).filter(sites::allows).orElse(null);
    // A refusal may be framed by anyone: it holds nothing to click, and the host's owner sees it.
    response.setHeader(
        "Content-Security-Policy", ContentSecurity.framedBy(checked == null ? "*" : checked));
    return checked;
  }

  private ModelAndView refused(String origin) {
    String shown = Origins.find(origin).orElse(null);
    return new ModelAndView(
        "embed-refused",
        Map.of(
            "origin",
            shown == null ? "" : shown,
            "reason",
            "This site is not allowed to show "
                + org.diwan.site.Formats.siteName()
                + "'s comments. A Diwan admin can add it to the list of embedding sites at"
                + " /admin/sites."),
        HttpStatus.FORBIDDEN);
  }

  /**
   * A refusal inside the frame, which the host's origin may show (unlike the site's error page).
   */
  private static ModelAndView problem(String origin, String reason, HttpStatus status) {
    return new ModelAndView("embed-refused", Map.of("origin", origin, "reason", reason), status);
  }

  private ModelAndView page(
      EmbedStories.Story story,
      Article article,
      CommentCursor cursor,
      CommentForm form,
      CsrfToken csrf,
      String statusPath,
      HttpStatus status) {
    CommentPage shown = comments.page(article.id(), false, cursor, PER_PAGE, "comments");
    if (shown.comments().isEmpty() && cursor.namesAComment()) {
      throw NoSuchCommentPage.pastTheEnd();
    }
    Texts t = Texts.of(story.language());
    Locale locale = Locale.forLanguageTag(t.lang());
    return new ModelAndView(
        "embed",
        Map.of(
            "page",
            new EmbedPage(
                t,
                article,
                story.origin(),
                story.url(),
                shown,
                guidelines.welcome(locale),
                guidelines.all(locale),
                form,
                csrf.getParameterName(),
                csrf.getToken(),
                mail.offered(),
                statusPath)),
        status);
  }
}
