package org.diwan.screening;

/**
 * What the screener reads: a comment and, optionally, the article it answers.
 *
 * @param text the comment as submitted; null is treated as empty
 * @param articleHeadline the article's headline, or null when unknown
 * @param articleBody the article's body text, or null when unknown
 * @param articleLanguage the article's language tag (e.g. "en", "ckb"), or null
 */
public record ScreeningInput(
    String text, String articleHeadline, String articleBody, String articleLanguage) {

  /** Normalises a null text to the empty string. */
  public ScreeningInput {
    text = text == null ? "" : text;
  }

  /** A comment without article context: off-topic detection is skipped. */
  public static ScreeningInput of(String text) {
    return new ScreeningInput(text, null, null, null);
  }

  /** Whether any article text is known. */
  public boolean hasArticle() {
    return !isBlank(articleHeadline) || !isBlank(articleBody);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
