package org.diwan.comment;

import java.util.Map;
import org.diwan.site.Message;

/**
 * The Post a comment form as the reader last filled it in, with a message per bad field; {@code
 * emailMe}: the "e-mail me" box was ticked.
 */
public record CommentForm(
    String name, String email, String text, Map<String, Message> errors, boolean emailMe) {

  public CommentForm(String name, String email, String text, Map<String, Message> errors) {
    this(name, email, text, errors, false);
  }

  public static CommentForm empty() {
    return new CommentForm("", "", "", Map.of());
  }

  public Message error(String field) {
    return errors.get(field);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }
}
