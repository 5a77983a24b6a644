package org.diwan.moderation;

import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A decision that could not be made: unknown comment (404), invalid request (400), already decided
 * by someone else, or a take-down of a comment that is not published (409). Nothing was written.
 */
public class ModerationProblem extends ErrorResponseException {

  public ModerationProblem(HttpStatus status, String code, String detail) {
    super(status, problem(status, code, detail), null);
  }

  static ModerationProblem unknownComment(long id) {
    return new ModerationProblem(
        HttpStatus.NOT_FOUND, "comment.unknown", "There is no comment with id " + id + ".");
  }

  public static ModerationProblem invalid(String detail) {
    return new ModerationProblem(HttpStatus.BAD_REQUEST, "decision.invalid", detail);
  }

  static ModerationProblem alreadyDecided(long id, String outcome, String by) {
    return new ModerationProblem(
        HttpStatus.CONFLICT,
        "comment.already-decided",
        "Comment " + id + " was already " + outcome + (by == null ? "" : " by " + by) + ".");
  }

  static ModerationProblem notPublished(String detail) {
    return new ModerationProblem(HttpStatus.CONFLICT, "comment.not-published", detail);
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    return Problems.of(status, code, "Decision not made", detail);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
