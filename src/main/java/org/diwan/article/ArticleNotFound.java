package org.diwan.article;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No published article has the slug a reader asked for. */
public class ArticleNotFound extends ErrorResponseException {

  public ArticleNotFound(String slug) {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    return Problems.of(
        HttpStatus.NOT_FOUND,
        "article.not-found",
        "Article not found",
        "There is no article at this address. It may have been moved.");
  }
}
