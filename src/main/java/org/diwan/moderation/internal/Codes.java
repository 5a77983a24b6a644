package org.diwan.moderation.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.DecisionAction;
import org.diwan.moderation.ModerationProblem;

/** Reads guideline codes sent by a moderator or an integration; an unknown code is an error. */
public final class Codes {
  private Codes() {}

  public static Set<GuidelineCode> parse(Collection<String> names) {
    Set<GuidelineCode> codes = EnumSet.noneOf(GuidelineCode.class);
    if (names != null) {
      for (String name : names) {
        if (name == null || name.isBlank()) {
          continue;
        }
        codes.add(
            GuidelineCode.parse(name)
                .orElseThrow(
                    () ->
                        ModerationProblem.invalid(
                            "Unknown guideline code '"
                                + name.strip()
                                + "'. Known codes: "
                                + GuidelineCode.toList(EnumSet.allOf(GuidelineCode.class))
                                + ".")));
      }
    }
    return codes;
  }

  public static DecisionAction action(String name) {
    try {
      return DecisionAction.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ModerationProblem.invalid("action must be APPROVE, REJECT or REMOVE.");
    }
  }
}
