package org.diwan.site.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.diwan.site.ErrorPage;
import org.diwan.site.Texts;
import org.diwan.site.WordedProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders errors raised by the HTML pages as a page of the site, in the site's words. An error that
 * carries a reader-facing detail (a 4xx raised by our own code) shows that detail.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlErrors {

  private static final Logger log = LoggerFactory.getLogger(HtmlErrors.class);

  @ExceptionHandler(Exception.class)
  ModelAndView handle(Exception e, HttpServletRequest request, HttpServletResponse response) {
    String edition = ErrorPage.editionOf(request, request.getRequestURI());
    if (e instanceof TypeMismatchException mismatch) {
      // ?after=abc: the reader's mistake, not ours; one line, no stack trace
      log.info("Refused a parameter of the wrong type: {}", mismatch.getPropertyName());
      return view(ErrorPage.forStatus(400, edition));
    }
    if (!(e instanceof ErrorResponse known)) {
      log.error("Unexpected error rendering a page", e);
      return view(ErrorPage.forStatus(500, edition));
    }
    int status = known.getStatusCode().value();
    ErrorPage page = ErrorPage.forStatus(status, edition);
    String detail = known.getBody().getDetail();
    boolean ours = e instanceof ErrorResponseException;
    if (ours && status < 500) {
      // The bundles' wording of this problem; an English detail only on an English page.
      Object code =
          known.getBody().getProperties() == null
              ? null
              : known.getBody().getProperties().get("code");
      String retryAfter = known.getHeaders().getFirst("Retry-After");
      Object[] arguments =
          e instanceof WordedProblem words
              ? words.arguments(Texts.of(edition))
              : new Object[] {retryAfter == null ? 0 : Long.parseLong(retryAfter)};
      Optional<ErrorPage> worded =
          ErrorPage.forProblem(status, code == null ? null : code.toString(), edition, arguments);
      if (worded.isPresent()) {
        page = worded.get();
      } else if (detail != null && page.lang().equals("en")) {
        page = new ErrorPage(status, page.title(), detail, page.lang());
      }
    }
    known.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    return view(page);
  }

  static ModelAndView view(ErrorPage page) {
    ModelAndView view = new ModelAndView("error");
    view.addObject("page", page);
    view.setStatus(HttpStatus.valueOf(page.status()));
    return view;
  }
}
