package org.diwan.screening;

/**
 * A community guideline the screening engine scores; the application maps these by name to its
 * guideline codes.
 */
public enum Category {
  OFF_TOPIC,
  PROFANITY,
  VULGARITY,
  THREAT,
  PERSONAL_ATTACK,
  ABUSE,
  PROMOTION
}
