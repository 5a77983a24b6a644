package org.diwan.moderation.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.diwan.comment.QueuedComment;
import org.diwan.comment.Suspension;
import org.diwan.comment.Suspensions;

/** The suspensions in force of the commenters on one page of cards, by address. */
public record SuspendedCommenters(Map<String, Suspension> byEmail) {

  static SuspendedCommenters of(List<QueuedComment> comments, Suspensions suspensions) {
    Map<String, Suspension> found = new HashMap<>();
    comments.stream()
        .map(c -> key(c.email()))
        .distinct()
        .forEach(e -> suspensions.inForce(e).ifPresent(s -> found.put(e, s)));
    return new SuspendedCommenters(found);
  }

  public Optional<Suspension> of(String email) {
    return Optional.ofNullable(byEmail.get(key(email)));
  }

  private static String key(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
