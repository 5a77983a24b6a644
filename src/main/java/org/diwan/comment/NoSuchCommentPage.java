package org.diwan.comment;

import java.util.Map;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A page of comments that cannot be shown: a cursor or order that no page of this article gave out
 * (400, naming the parameter), or a page past the article's last comment (404). Nothing changed.
 */
public class NoSuchCommentPage extends ErrorResponseException {

  private NoSuchCommentPage(HttpStatus status, String code, String detail, String field) {
    super(status, problem(status, code, detail, field), null);
  }

  /** {@code field} names the request parameter that carried what cannot be read. */
  public static NoSuchCommentPage invalid(String field, String detail) {
    return new NoSuchCommentPage(HttpStatus.BAD_REQUEST, "comments.page-invalid", detail, field);
  }

  public static NoSuchCommentPage pastTheEnd() {
    return new NoSuchCommentPage(
        HttpStatus.NOT_FOUND,
        "comments.page-past-end",
        "This article has no comments past that point. Open the article to read its comments"
            + " from the first.",
        null);
  }

  private static ProblemDetail problem(
      HttpStatus status, String code, String detail, String field) {
    String title = "No such page of comments";
    return field == null
        ? Problems.of(status, code, title, detail)
        : Problems.of(status, code, title, detail, Map.of(field, detail));
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
