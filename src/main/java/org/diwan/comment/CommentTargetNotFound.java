package org.diwan.comment;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A comment was posted to an article that does not exist. */
public class CommentTargetNotFound extends ErrorResponseException {

  public CommentTargetNotFound(String slug) {
    super(
        HttpStatus.NOT_FOUND,
        Problems.of(
            HttpStatus.NOT_FOUND,
            "article.not-found",
            "Article not found",
            "There is no article at this address, so the comment could not be posted."),
        null);
  }
}
