package org.diwan.wordlist;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A word list an admin sent that cannot be used; nothing was changed, and the detail says why. */
public class WordListProblem extends ErrorResponseException {

  WordListProblem(String detail) {
    super(
        HttpStatus.BAD_REQUEST,
        Problems.of(HttpStatus.BAD_REQUEST, "word-list.invalid", "Word list not saved", detail),
        null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
