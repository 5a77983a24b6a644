package org.diwan.comment.internal;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The same person sent the same text again within minutes; the first copy is kept. */
public class DuplicateComment extends ErrorResponseException {

  public DuplicateComment() {
    super(
        HttpStatus.CONFLICT,
        Problems.of(
            HttpStatus.CONFLICT,
            "comment.duplicate",
            "Already posted",
            "You posted this same comment a moment ago. It is already waiting for moderation, so"
                + " this copy was not stored."),
        null);
  }
}
