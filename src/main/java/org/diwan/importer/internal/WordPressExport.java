package org.diwan.importer.internal;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.diwan.importer.internal.ImportSink.SourceComment;
import org.diwan.importer.internal.ImportSink.Status;
import org.diwan.importer.internal.ImportSink.Story;
import org.diwan.importer.internal.XmlRecords.Element;

/**
 * Reads a WordPress export (WXR, the RSS file of Tools → Export, versions 1.0 to 1.2): posts and
 * pages become stories (published ones published, drafts, pending and private ones drafts; trashed
 * ones and other post types left out), each followed by its comments.
 */
public final class WordPressExport {

  private static final Set<String> STORY_TYPES = Set.of("post", "page");
  private static final Set<String> LEFT_OUT_STATES = Set.of("trash", "auto-draft", "inherit");

  private WordPressExport() {}

  /** Reads {@code in} to its end into {@code sink}; throws {@code ImportRefused} for a bad file. */
  public static void read(InputStream in, ImportSink sink) {
    try (XmlRecords xml = new XmlRecords(in)) {
      Element root = xml.nextElement(0);
      if (root == null || !root.name().equals("rss")) {
        throw xml.refusedAt(
            "this is not a WordPress export (WXR): it begins with <"
                + (root == null ? "nothing" : root.name())
                + "> where an export has <rss>");
      }
      Map<String, String> authors = new HashMap<>();
      int depth = 1;
      for (Element e = xml.nextElement(depth); e != null; e = xml.nextElement(depth)) {
        depth = e.depth();
        if (e.name().equals("channel")) {
          continue;
        }
        // Each record is read through its end, which puts the reader back one level up.
        depth--;
        switch (e.name()) {
          case "language" -> sink.language(xml.record(Set.of(), null).get(""));
          case "wp:base_blog_url" -> sink.origin(xml.record(Set.of(), null).get(""));
          case "wp:author" -> {
            Map<String, String> a = xml.record(Set.of(), null);
            authors.put(a.get("wp:author_login"), a.get("wp:author_display_name"));
          }
          case "item" -> item(xml, sink, authors);
          default -> xml.record(Set.of(), null);
        }
      }
    }
  }

  /**
   * A post, told as soon as its first comment begins (WordPress writes comments after every field
   * of their post), then each comment as it is read: a post's comments are never all in memory.
   */
  private static void item(XmlRecords xml, ImportSink sink, Map<String, String> authors) {
    boolean[] told = {false};
    Map<String, String> post =
        xml.record(
            Set.of("wp:comment"),
            (fields, comment) -> {
              if (!told[0]) {
                told[0] = true;
                story(fields, sink, authors);
              }
              sink.comment(comment(comment, fields.get("wp:post_id")));
            });
    if (!told[0]) {
      story(post, sink, authors);
    }
  }

  private static void story(
      Map<String, String> post, ImportSink sink, Map<String, String> authors) {
    String id = post.get("wp:post_id");
    String state = post.getOrDefault("wp:status", "");
    if (id == null
        || !STORY_TYPES.contains(post.getOrDefault("wp:post_type", ""))
        || LEFT_OUT_STATES.contains(state)) {
      return;
    }
    String creator = post.getOrDefault("dc:creator", "");
    String author = authors.getOrDefault(creator, creator);
    sink.story(
        new Story(
            id,
            slug(post.getOrDefault("wp:post_name", "")),
            // WordPress keeps titles as HTML: "council &amp; residents".
            HtmlText.of(post.getOrDefault("title", "")),
            author == null || author.isBlank() ? creator : author,
            HtmlText.of(post.get("content:encoded")),
            ExportDates.wordpress(post.get("wp:post_date_gmt"), post.get("wp:post_date")),
            state.equals("publish"),
            !"closed".equals(post.get("wp:comment_status")),
            true));
  }

  /** WordPress percent-encodes a non-Latin slug; a stray {@code %} leaves it as written. */
  private static String slug(String postName) {
    try {
      return URLDecoder.decode(postName, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return postName;
    }
  }

  private static SourceComment comment(Map<String, String> c, String postId) {
    return new SourceComment(
        c.get("wp:comment_id"),
        postId,
        c.getOrDefault("wp:comment_author", ""),
        c.getOrDefault("wp:comment_author_email", ""),
        c.getOrDefault("wp:comment_content", ""),
        ExportDates.wordpress(c.get("wp:comment_date_gmt"), c.get("wp:comment_date")),
        status(c));
  }

  private static Status status(Map<String, String> c) {
    String type = c.getOrDefault("wp:comment_type", "");
    if (!type.isEmpty() && !type.equals("comment")) {
      return Status.NOT_A_COMMENT;
    }
    return switch (c.getOrDefault("wp:comment_approved", "0")) {
      case "1" -> Status.APPROVED;
      case "spam" -> Status.SPAM;
      case "trash", "post-trashed" -> Status.TRASH;
      // "0", and anything newer WordPress may write: a moderator sees it.
      default -> Status.PENDING;
    };
  }
}
