package org.diwan.comment;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A comment was posted to an article whose comments are closed; nothing was stored. */
public class ArticleClosedForComments extends ErrorResponseException {

  public ArticleClosedForComments(String slug) {
    super(
        HttpStatus.CONFLICT,
        Problems.of(
            HttpStatus.CONFLICT,
            "comment.closed",
            "Comments are closed",
            "Comments on this article are closed, so your comment was not posted."),
        null);
  }
}
