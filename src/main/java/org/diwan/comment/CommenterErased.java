package org.diwan.comment;

/**
 * A commenter's name and email (and perhaps texts) were erased from {@code comments} comments, at
 * {@code actor}'s request; {@code emailKey} is the address they were recognised by, for the audit
 * log to hash.
 */
public record CommenterErased(String actor, String emailKey, int comments) {}
