package org.diwan.guideline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A community guideline a comment can break; the reason a moderator gives for a rejection. */
public enum GuidelineCode {
  OFF_TOPIC,
  PROFANITY,
  VULGARITY,
  THREAT,
  PERSONAL_ATTACK,
  ABUSE,
  PROMOTION;

  private static final Map<String, GuidelineCode> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, c -> c));

  /** The code named by {@code name} (any case, surrounding spaces ignored), if there is one. */
  public static Optional<GuidelineCode> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(name.strip().toUpperCase(Locale.ROOT)));
  }

  /** Codes stored as a comma-separated list, as the database keeps them; unknown names skipped. */
  public static Set<GuidelineCode> fromList(String list) {
    Set<GuidelineCode> codes = EnumSet.noneOf(GuidelineCode.class);
    // Most stored lists are empty (every pending comment's codes): the queue reads thousands.
    if (list != null && !list.isEmpty()) {
      for (String part : list.split(",")) {
        parse(part).ifPresent(codes::add);
      }
    }
    return codes;
  }

  /** The comma-separated form {@link #fromList} reads, in declaration order. */
  public static String toList(Set<GuidelineCode> codes) {
    return codes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }
}
