package org.diwan.comment;

/**
 * A reader's request to post a comment, exactly as received; nothing here is trusted yet. {@code
 * emailMe}: the commenter asked to be e-mailed when the comment is decided (kept only when e-mail
 * is configured).
 */
public record SubmitComment(
    String articleSlug, String name, String email, String text, boolean emailMe) {

  public SubmitComment(String articleSlug, String name, String email, String text) {
    this(articleSlug, name, email, text, false);
  }
}
