package org.diwan.embed;

/** An origin, host page address or id the embed refuses; the message says why, in plain words. */
public class InvalidEmbed extends RuntimeException {

  public InvalidEmbed(String message) {
    super(message);
  }
}
