package org.diwan.comment;

import java.util.Map;

/** The Post a comment form as the reader last filled it in, with a message per bad field. */
public record CommentForm(String name, String email, String text, Map<String, String> errors) {

  public static CommentForm empty() {
    return new CommentForm("", "", "", Map.of());
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }
}
