package org.diwan.moderation;

import java.time.Duration;
import org.diwan.site.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A report that was not taken: a bad code or note (400), no such published comment under that
 * article (404), a comment that is not published (409), too many reports from one client (429), or,
 * for a moderator, nothing to dismiss (409). Nothing was stored.
 */
public class ReportProblem extends ErrorResponseException {

  private final Duration retryAfter;

  private ReportProblem(
      HttpStatus status, String code, String title, String detail, Duration retryAfter) {
    super(status, Problems.of(status, code, title, detail), null);
    this.retryAfter = retryAfter;
  }

  static ReportProblem invalid(String detail) {
    return new ReportProblem(
        HttpStatus.BAD_REQUEST, "report.invalid", "Report not sent", detail, null);
  }

  static ReportProblem noSuchComment() {
    return new ReportProblem(
        HttpStatus.NOT_FOUND,
        "report.no-comment",
        "No such comment",
        "There is no published comment with this number under this article.",
        null);
  }

  static ReportProblem notPublished() {
    return new ReportProblem(
        HttpStatus.CONFLICT,
        "report.not-published",
        "Comment not shown",
        "This comment is not shown on the site, so there is nothing to report.",
        null);
  }

  static ReportProblem tooMany(Duration wait) {
    return new ReportProblem(
        HttpStatus.TOO_MANY_REQUESTS,
        "report.too-many",
        "Too many reports",
        "You have sent many reports in a short time. Please try again later; this one was not"
            + " stored.",
        wait);
  }

  static ReportProblem nothingOpen(long commentId) {
    return new ReportProblem(
        HttpStatus.CONFLICT,
        "report.none-open",
        "Nothing to dismiss",
        "Comment " + commentId + " has no open reports: another moderator may have kept it.",
        null);
  }

  @Override
  public HttpHeaders getHeaders() {
    HttpHeaders headers = new HttpHeaders();
    if (retryAfter != null) {
      headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }
    return headers;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
