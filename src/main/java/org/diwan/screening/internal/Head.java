package org.diwan.screening.internal;

import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;

/**
 * An output of the linear model: most map to a {@link Category} or an {@link AbuseKind}; {@link
 * #OFFENSIVE} says "breaks some guideline" for data that does not say which.
 */
public enum Head {
  PROFANITY(Category.PROFANITY, null),
  THREAT(Category.THREAT, null),
  PERSONAL_ATTACK(Category.PERSONAL_ATTACK, null),
  ABUSE(Category.ABUSE, null),
  PROMOTION(Category.PROMOTION, null),
  OFFENSIVE(null, null),
  SEXISM(null, AbuseKind.SEXISM),
  RACISM(null, AbuseKind.RACISM),
  HOMOPHOBIA(null, AbuseKind.HOMOPHOBIA),
  XENOPHOBIA(null, AbuseKind.XENOPHOBIA);

  public static final int COUNT = values().length;

  private final Category category;
  private final AbuseKind kind;

  Head(Category category, AbuseKind kind) {
    this.category = category;
    this.kind = kind;
  }

  /** The category this head scores, or null. */
  public Category category() {
    return category;
  }

  /** The abuse kind this head scores, or null. */
  public AbuseKind kind() {
    return kind;
  }

  public static Head of(Category category) {
    for (Head head : values()) {
      if (head.category == category) {
        return head;
      }
    }
    return null;
  }
}
