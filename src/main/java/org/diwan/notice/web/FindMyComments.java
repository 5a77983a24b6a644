package org.diwan.notice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.diwan.comment.CommentContacts;
import org.diwan.notice.Notices;
import org.diwan.site.MailOffer;
import org.diwan.site.Message;
import org.diwan.site.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Find my comments", in every edition: a commenter gives an e-mail address and is told a message
 * is on its way. The answer is the same whether or not the address has comments, and the limits
 * count every request, so the page tells no one whose address posted here. Without e-mail the page
 * does not exist (404).
 */
@Controller
class FindMyComments {

  private static final String PATH = "/{edition:en|ckb|kmr|ar|fa|tr}/my-comments";

  private final Notices notices;
  private final MailOffer mail;

  FindMyComments(Notices notices, MailOffer mail) {
    this.notices = notices;
    this.mail = mail;
  }

  @GetMapping(PATH)
  ModelAndView form(@PathVariable String edition, CsrfToken csrf, HttpServletResponse response) {
    return page(new FindPage(edition(edition, response), "", null, false, false, csrf));
  }

  @PostMapping(PATH)
  ModelAndView find(
      @PathVariable String edition,
      @RequestParam(defaultValue = "") String email,
      CsrfToken csrf,
      HttpServletRequest request,
      HttpServletResponse response) {
    Texts t = edition(edition, response);
    Message problem = CommentContacts.emailProblem(email);
    if (problem != null) {
      // The form's own rules only: nothing here depends on whether the address is known.
      ModelAndView again = page(new FindPage(t, email, problem, false, false, csrf));
      again.setStatus(HttpStatus.BAD_REQUEST);
      return again;
    }
    if (!notices.findMyComments(email, request.getRemoteAddr(), t.lang())) {
      ModelAndView refused = page(new FindPage(t, "", null, false, true, csrf));
      refused.setStatus(HttpStatus.TOO_MANY_REQUESTS);
      response.setHeader(HttpHeaders.RETRY_AFTER, "3600");
      return refused;
    }
    return page(new FindPage(t, "", null, true, false, csrf));
  }

  private Texts edition(String edition, HttpServletResponse response) {
    if (!mail.offered()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    return Texts.of(edition);
  }

  private static ModelAndView page(FindPage page) {
    return new ModelAndView("notice/find", "page", page);
  }
}
