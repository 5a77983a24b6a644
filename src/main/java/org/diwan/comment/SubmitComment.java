package org.diwan.comment;

/** A reader's request to post a comment, exactly as received; nothing here is trusted yet. */
public record SubmitComment(String articleSlug, String name, String email, String text) {}
