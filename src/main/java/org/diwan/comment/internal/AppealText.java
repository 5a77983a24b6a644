package org.diwan.comment.internal;

/**
 * The explanation a commenter gives with an appeal, under the same rules as a comment's text:
 * cleaned of invisible controls, HTML kept as the text it is (and always shown escaped), not empty,
 * at most {@link #MAX} characters.
 */
public final class AppealText {

  public static final int MAX = 1_000;

  private AppealText() {}

  /**
   * The cleaned text.
   *
   * @throws IllegalArgumentException whose message is the bundle key of the broken rule
   */
  public static String of(String raw) {
    String text = CommentDraft.clean(raw);
    if (text.isEmpty() || !CommentDraft.visible(text)) {
      throw new IllegalArgumentException("appeal.error.missing");
    }
    if (CommentDraft.length(text) > MAX) {
      throw new IllegalArgumentException("appeal.error.tooLong");
    }
    if (CommentDraft.hasLoneSurrogate(text)) {
      throw new IllegalArgumentException("appeal.error.unstorable");
    }
    return text;
  }
}
