package org.diwan.comment;

/**
 * Everything held about a commenter was exported at {@code actor}'s request; {@code emailKey} is
 * the address they are recognised by, for the audit log to hash.
 */
public record PersonalDataExported(String actor, String emailKey) {}
