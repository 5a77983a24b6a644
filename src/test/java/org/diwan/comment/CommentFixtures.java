package org.diwan.comment;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Comment submissions for tests. Each comes from an email of its own, so the site's refusal of a
 * repeated text from the same person never trips a test that does not mean to test it.
 */
public final class CommentFixtures {

  private static final AtomicLong READERS = new AtomicLong();

  private CommentFixtures() {}

  public static String email() {
    return "shirin." + READERS.incrementAndGet() + "@example.org";
  }

  public static SubmitComment valid(String slug) {
    return new SubmitComment(
        slug, "Shirin Ahmed", email(), "Longer opening hours would help students.");
  }

  public static SubmitComment withText(String slug, String text) {
    return new SubmitComment(slug, "Shirin Ahmed", email(), text);
  }
}
