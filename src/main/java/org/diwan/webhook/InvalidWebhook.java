package org.diwan.webhook;

/** A webhook request refused for what it asked (a bad address, no events, no such endpoint). */
public class InvalidWebhook extends RuntimeException {

  public InvalidWebhook(String message) {
    super(message);
  }
}
