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
            "You posted this same comment a moment ago, so this copy was not stored: the first is"
                + " already waiting for moderation. To follow it, return to the private page shown"
                + " right after you posted it (your browser’s history has it); if you asked to be"
                + " e-mailed, the decision will also reach you by e-mail."),
        null);
  }
}
