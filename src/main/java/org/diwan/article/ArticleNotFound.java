package org.diwan.article;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No published article has the slug a reader asked for. */
public class ArticleNotFound extends ErrorResponseException {

  public ArticleNotFound(String slug) {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "There is no article at this address. It may have been moved.");
    problem.setTitle("Article not found");
    problem.setProperty("code", "article.not-found");
    return problem;
  }
}
