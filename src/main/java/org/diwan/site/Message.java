package org.diwan.site;

/** A reader-facing message not yet worded: a bundle key and its arguments, worded per edition. */
public record Message(String key, Object... args) {

  /** The message in edition {@code t}'s words. */
  public String in(Texts t) {
    return t.get(key, args);
  }
}
