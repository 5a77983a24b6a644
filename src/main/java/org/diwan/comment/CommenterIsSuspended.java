package org.diwan.comment;

import java.time.Instant;
import org.diwan.site.Problems;
import org.diwan.site.Texts;
import org.diwan.site.WordedProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A comment came from a suspended address; nothing was stored. */
public class CommenterIsSuspended extends ErrorResponseException implements WordedProblem {

  private final transient Instant until;

  CommenterIsSuspended(Instant until) {
    super(
        HttpStatus.FORBIDDEN,
        Problems.of(
            HttpStatus.FORBIDDEN,
            until == null ? "comment.suspended-indefinitely" : "comment.suspended",
            "Commenting suspended",
            until == null
                ? "Comments from this e-mail address are suspended with no end date, so your"
                    + " comment was not posted."
                : "Comments from this e-mail address are suspended until "
                    + until
                    + ", so your comment was not posted."),
        null);
    if (until != null) {
      getBody().setProperty("until", until.toString());
    }
    this.until = until;
  }

  @Override
  public Object[] arguments(Texts texts) {
    return new Object[] {until == null ? "" : texts.dateTime(until)};
  }
}
