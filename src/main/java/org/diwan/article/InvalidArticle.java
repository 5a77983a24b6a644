package org.diwan.article;

import java.util.Map;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An article edit broke the rules; {@link #fieldErrors()} names each bad field. Nothing changed.
 */
public class InvalidArticle extends ErrorResponseException {

  private final Map<String, String> fieldErrors;

  public InvalidArticle(Map<String, String> fieldErrors) {
    super(HttpStatus.BAD_REQUEST, problem(fieldErrors), null);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }

  public static InvalidArticle of(String field, String message) {
    return new InvalidArticle(Map.of(field, message));
  }

  private static ProblemDetail problem(Map<String, String> fieldErrors) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "article.invalid",
        "The article could not be saved",
        "Please correct the fields named in errors.",
        fieldErrors);
  }
}
