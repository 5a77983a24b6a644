package org.diwan.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.diwan.site.ErrorPage;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error path: requests that failed before reaching a controller (unknown address,
 * body too large, rejected CSRF token). API addresses get problem+json, everything else a page.
 */
@Controller
class ErrorPages implements ErrorController {

  /** Returns a page, or a {@code ResponseEntity} of problem+json for API addresses. */
  @RequestMapping("/error")
  Object error(HttpServletRequest request) {
    int status = status(request);
    ErrorPage page =
        request.getAttribute(ErrorPage.SHOWN) instanceof ErrorPage shown && shown.status() == status
            ? shown
            : ErrorPage.forStatus(status, ErrorPage.editionOf(request, errorPath(request)));
    if (!isApi(request)) {
      return HtmlErrors.view(page);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(page.status()), page.message());
    problem.setTitle(page.title());
    return ResponseEntity.status(page.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = errorPath(request);
    return path != null && path.startsWith("/api/");
  }

  private static String errorPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? null : uri.toString();
  }

  private static int status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer status && HttpStatus.resolve(status) != null ? status : 500;
  }
}
