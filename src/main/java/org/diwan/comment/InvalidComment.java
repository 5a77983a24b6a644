package org.diwan.comment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.diwan.site.Message;
import org.diwan.site.Problems;
import org.diwan.site.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A submission broke one or more of the rules in {@link CommentDraft}; nothing was stored. {@link
 * #fieldErrors()} maps each bad field ({@code name}, {@code email}, {@code text}) to a message a
 * reader understands.
 */
public class InvalidComment extends ErrorResponseException {

  private final Map<String, Message> reasons;

  /** {@code reasons}: each bad field, in form order, with its message. */
  public InvalidComment(Map<String, Message> reasons) {
    super(HttpStatus.BAD_REQUEST, problem(reasons), null);
    this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }

  /** Each bad field with its message, to be worded in the reader's edition. */
  public Map<String, Message> reasons() {
    return reasons;
  }

  /** Each bad field with its message in English, as the API answers. */
  public Map<String, String> fieldErrors() {
    return english(reasons);
  }

  private static Map<String, String> english(Map<String, Message> reasons) {
    Map<String, String> english = new LinkedHashMap<>();
    reasons.forEach((field, message) -> english.put(field, message.in(Texts.of("en"))));
    return english;
  }

  private static ProblemDetail problem(Map<String, Message> reasons) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "comment.invalid",
        "The comment could not be posted",
        "Please correct the fields named in errors and send the comment again.",
        english(reasons));
  }
}
