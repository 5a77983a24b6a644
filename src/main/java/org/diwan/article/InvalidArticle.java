package org.diwan.article;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

  static InvalidArticle of(String field, String message) {
    return new InvalidArticle(Map.of(field, message));
  }

  private static ProblemDetail problem(Map<String, String> fieldErrors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Please correct the fields named in errors.");
    problem.setTitle("The article could not be saved");
    problem.setType(URI.create("urn:diwan:problem:article.invalid"));
    problem.setProperty("code", "article.invalid");
    problem.setProperty(
        "errors",
        List.copyOf(
            fieldErrors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                .toList()));
    return problem;
  }
}
