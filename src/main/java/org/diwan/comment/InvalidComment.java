package org.diwan.comment;

import java.util.Map;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A submission broke one or more of the rules in {@link CommentDraft}; nothing was stored. {@link
 * #fieldErrors()} maps each bad field ({@code name}, {@code email}, {@code text}) to a message a
 * reader understands.
 */
public class InvalidComment extends ErrorResponseException {

  private final Map<String, String> fieldErrors;

  public InvalidComment(Map<String, String> fieldErrors) {
    super(HttpStatus.BAD_REQUEST, problem(fieldErrors), null);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  private static ProblemDetail problem(Map<String, String> fieldErrors) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "comment.invalid",
        "The comment could not be posted",
        "Please correct the fields named in errors and send the comment again.",
        fieldErrors);
  }
}
