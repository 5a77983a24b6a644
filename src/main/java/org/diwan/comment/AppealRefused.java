package org.diwan.comment;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An appeal that was not stored, or an appeal decision that was not made: unknown link or appeal
 * (404), a text that breaks the rules (400), a comment that is not rejected or removed, a second
 * appeal, an appeal already decided (409). The code words the reader's page in every edition.
 */
public class AppealRefused extends ErrorResponseException {

  AppealRefused(HttpStatus status, String code, String detail) {
    super(status, Problems.of(status, code, "Appeal refused", detail), null);
  }

  static AppealRefused unknown() {
    return new AppealRefused(
        HttpStatus.NOT_FOUND, "appeal.unknown", "This link does not open any comment.");
  }

  static AppealRefused unknownAppeal(long id) {
    return new AppealRefused(
        HttpStatus.NOT_FOUND, "appeal.unknown", "There is no appeal with id " + id + ".");
  }

  static AppealRefused notAppealable(CommentStatus found) {
    return new AppealRefused(
        HttpStatus.CONFLICT,
        "appeal.not-appealable",
        "Only a rejected or removed comment can be appealed; this one is "
            + found.name().toLowerCase(java.util.Locale.ROOT)
            + ".");
  }

  static AppealRefused alreadyMade() {
    return new AppealRefused(
        HttpStatus.CONFLICT, "appeal.already-made", "This comment has already been appealed.");
  }

  static AppealRefused alreadyDecided(long id) {
    return new AppealRefused(
        HttpStatus.CONFLICT, "appeal.already-decided", "Appeal " + id + " was already decided.");
  }

  /** The detail is the bundle key of what is wrong with the text. */
  static AppealRefused invalid(String detail) {
    return new AppealRefused(HttpStatus.BAD_REQUEST, "appeal.invalid", detail);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
