package org.diwan.comment;

/** A moderator lifted a commenter's suspensions in force; {@code emailKey} as in the suspension. */
public record SuspensionLifted(String actor, String emailKey, int lifted) {}
