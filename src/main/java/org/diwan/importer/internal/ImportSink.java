package org.diwan.importer.internal;

import java.time.Instant;

/**
 * Where an export's parser hands what it reads, in file order: where the export came from and its
 * language (before any story, when the file says), then stories and comments. A comment names its
 * story by source id; the story comes first.
 */
public interface ImportSink {

  /** The site or forum the export is of: source ids are unique within it. */
  void origin(String origin);

  /** The language the file says its site is written in (a BCP 47 tag such as {@code en-US}). */
  void language(String tag);

  void story(Story story);

  void comment(SourceComment comment);

  /**
   * A story as the export has it. {@code eager}: made an article even if none of its comments is
   * brought in (WordPress posts), otherwise only when one is (Disqus threads, one per page seen).
   */
  record Story(
      String sourceId,
      String slug,
      String headline,
      String author,
      String body,
      Instant publishedAt,
      boolean published,
      boolean commentsOpen,
      boolean eager) {}

  /** A comment as the export has it; {@code text} exactly as stored there. */
  record SourceComment(
      String sourceId,
      String storySourceId,
      String name,
      String email,
      String text,
      Instant postedAt,
      Status status) {}

  /** A comment's standing where it came from. */
  enum Status {
    APPROVED,
    PENDING,
    SPAM,
    TRASH,
    NOT_A_COMMENT
  }
}
