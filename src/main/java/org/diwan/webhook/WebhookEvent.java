package org.diwan.webhook;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an endpoint can ask to hear of. */
public enum WebhookEvent {
  SUBMITTED("Comment submitted"),
  DECIDED("Comment approved or rejected"),
  REMOVED("Comment taken down"),
  REPORTED("Comment reported by a reader"),
  APPEALED("Appeal filed or decided");

  private final String label;

  WebhookEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** As stored: names joined by commas. */
  public static String toList(Set<WebhookEvent> events) {
    return events.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  public static Set<WebhookEvent> fromList(String list) {
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    Arrays.stream(list.split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> events.add(valueOf(s.strip())));
    return events;
  }
}
