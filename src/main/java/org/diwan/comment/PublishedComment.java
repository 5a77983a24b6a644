package org.diwan.comment;

import java.time.Instant;

/** An approved comment as the public sees it: never the commenter's email. */
public record PublishedComment(long id, String name, String text, Instant submittedAt) {}
