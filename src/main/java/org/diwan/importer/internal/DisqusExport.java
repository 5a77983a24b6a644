package org.diwan.importer.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.diwan.importer.internal.ImportSink.SourceComment;
import org.diwan.importer.internal.ImportSink.Status;
import org.diwan.importer.internal.ImportSink.Story;
import org.diwan.importer.internal.XmlRecords.Element;

/**
 * Reads a Disqus export (the XML of Disqus's schema: categories, then threads, then posts, each
 * thread and post named by its {@code dsq:id}). A thread becomes a story once one of its posts is
 * brought in; deleted threads are left out. A post marked spam is left out as spam, a deleted one
 * as trash, one with {@code isApproved} false waits for moderation, and the rest are approved.
 */
public final class DisqusExport {

  private DisqusExport() {}

  /** Reads {@code in} to its end into {@code sink}; throws {@code ImportRefused} for a bad file. */
  public static void read(InputStream in, ImportSink sink) {
    try (XmlRecords xml = new XmlRecords(in)) {
      Element root = xml.nextElement(0);
      if (root == null || !root.name().equals("disqus")) {
        throw xml.refusedAt(
            "this is not a Disqus export: it begins with <"
                + (root == null ? "nothing" : root.name())
                + "> where an export has <disqus>");
      }
      for (Element e = xml.nextElement(1); e != null; e = xml.nextElement(e.depth() - 1)) {
        Map<String, String> record = xml.record(Set.of(), null);
        switch (e.name()) {
          case "category" -> sink.origin(record.get("forum"));
          case "thread" -> thread(record, sink);
          case "post" -> post(record, sink);
          default -> {}
        }
      }
    }
  }

  private static void thread(Map<String, String> t, ImportSink sink) {
    sink.origin(t.get("forum"));
    if (yes(t.get("isDeleted"))) {
      return;
    }
    String link = t.getOrDefault("link", "");
    String title = t.getOrDefault("title", "").strip();
    String author = t.getOrDefault("author/name", "").strip();
    sink.story(
        new Story(
            t.get("@id"),
            slug(link),
            title.isEmpty() ? link : title,
            author.isEmpty() ? t.getOrDefault("forum", "") : author,
            link,
            ExportDates.disqus(t.get("createdAt")),
            true,
            !yes(t.get("isClosed")),
            false));
  }

  private static void post(Map<String, String> p, ImportSink sink) {
    Status status;
    if (yes(p.get("isSpam"))) {
      status = Status.SPAM;
    } else if (yes(p.get("isDeleted"))) {
      status = Status.TRASH;
    } else if ("false".equalsIgnoreCase(p.getOrDefault("isApproved", "").strip())) {
      status = Status.PENDING;
    } else {
      status = Status.APPROVED;
    }
    String name = p.getOrDefault("author/name", "").strip();
    sink.comment(
        new SourceComment(
            p.get("@id"),
            p.get("thread@id"),
            name.isEmpty() ? p.getOrDefault("author/username", "") : name,
            p.getOrDefault("author/email", ""),
            p.getOrDefault("message", ""),
            ExportDates.disqus(p.get("createdAt")),
            status));
  }

  private static boolean yes(String flag) {
    return flag != null && flag.strip().equalsIgnoreCase("true");
  }

  /** The page's last path segment, the way its site named it: {@code …/bridge-repairs/}. */
  private static String slug(String link) {
    try {
      String path = URI.create(link.strip()).getPath();
      if (path == null) {
        return "";
      }
      String[] parts = path.split("/");
      return parts.length == 0 ? "" : parts[parts.length - 1];
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
