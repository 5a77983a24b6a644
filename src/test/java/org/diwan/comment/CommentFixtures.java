package org.diwan.comment;

/** Comment submissions for tests. */
public final class CommentFixtures {

  private CommentFixtures() {}

  public static SubmitComment valid(String slug) {
    return new SubmitComment(
        slug, "Shirin Ahmed", "shirin@example.org", "Longer opening hours would help students.");
  }

  public static SubmitComment withText(String slug, String text) {
    return new SubmitComment(slug, "Shirin Ahmed", "shirin@example.org", text);
  }
}
