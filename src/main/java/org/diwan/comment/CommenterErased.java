package org.diwan.comment;

/** A commenter's name and email (and perhaps texts) were erased from {@code comments} comments. */
public record CommenterErased(int comments) {}
