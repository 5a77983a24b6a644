package org.diwan.comment.internal;

import java.time.Duration;
import org.diwan.site.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A reader has posted more comments than the site accepts in a short time; nothing was stored. */
class TooManyComments extends ErrorResponseException {

  private final Duration retryAfter;

  TooManyComments(Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        Problems.of(
            HttpStatus.TOO_MANY_REQUESTS,
            "comment.too-many",
            "Too many comments",
            "You have posted several comments in a short time. Please wait "
                + Math.max(1, retryAfter.toSeconds())
                + " seconds and send it again; your text has not been stored yet."),
        null);
    this.retryAfter = retryAfter;
  }

  @Override
  public HttpHeaders getHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    return headers;
  }
}
