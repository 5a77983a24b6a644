package org.diwan.comment.internal;

import java.util.Locale;

/**
 * How a commenter is recognised by their address: trimmed and in lower case, so {@code
 * Erase.Me@Example.test} and {@code erase.me@example.test} are one person for erasure, export,
 * history, the queue's filter, the limits and the duplicate check. The comment keeps the address as
 * typed; this key is stored beside it ({@code comment.email_key}).
 */
public final class CommenterEmail {

  private CommenterEmail() {}

  /** The key of {@code email}; "" for null. */
  public static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
