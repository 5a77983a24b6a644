package org.diwan.comment;

import java.time.Instant;

/** Reads the end date a refusal of a suspended commenter states, for tests in other packages. */
public final class CommentIsSuspendedProbe {

  private CommentIsSuspendedProbe() {}

  public static Instant until(Throwable refusal) {
    if (!(refusal instanceof CommenterIsSuspended suspended)) {
      throw new AssertionError("Not refused as suspended: " + refusal);
    }
    Object until = suspended.getBody().getProperties().get("until");
    return until == null ? null : Instant.parse(until.toString());
  }
}
