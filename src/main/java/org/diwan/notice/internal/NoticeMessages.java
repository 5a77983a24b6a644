package org.diwan.notice.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.diwan.comment.Comment;
import org.diwan.comment.CommentContacts.CommentContact;
import org.diwan.comment.CommentStatus;
import org.diwan.guideline.Guideline;
import org.diwan.guideline.Guidelines;
import org.diwan.notice.NoticeKind;
import org.diwan.site.Texts;
import org.springframework.stereotype.Component;

/**
 * Writes a notice's subject and plain-text body in the article's language, from the bundles. The
 * commenter's name is in neither: nothing a reader typed reaches a header.
 */
@Component
class NoticeMessages {

  private final Guidelines guidelines;

  NoticeMessages(Guidelines guidelines) {
    this.guidelines = guidelines;
  }

  /** A message ready to send. */
  record Written(String subject, String body) {}

  Written write(NoticeKind kind, String language, CommentContact contact, String statusLink) {
    Texts texts = Texts.of(language);
    Comment comment = contact.comment();
    String headline = contact.article().headline();
    StringBuilder body = new StringBuilder();
    body.append(texts.get(kind.key() + "." + outcome(kind, comment.status()), headline));
    if (!comment.codes().isEmpty()) {
      Locale locale = Locale.forLanguageTag(texts.lang());
      body.append("\n\n")
          .append(
              comment.codes().stream()
                  .sorted()
                  .map(code -> guidelines.describe(code, locale))
                  .map(NoticeMessages::line)
                  .collect(Collectors.joining("\n")));
    }
    body.append("\n\n").append(texts.get("notice.statusLink")).append("\n").append(statusLink);
    body.append("\n\n").append(texts.get("notice.why")).append("\n");
    // A headline is staff text, but a header has no room for a line break of any kind.
    String subject = texts.get(kind.key() + ".subject", headline).replaceAll("\\p{Cc}", " ");
    return new Written(subject, body.toString());
  }

  /**
   * The answer to "find my comments" in edition {@code language}: each comment's article, when it
   * was posted and where it stands, with {@code links}' link to its status page (in the same
   * order).
   */
  Written writeLookup(String language, List<CommentContact> found, List<String> links) {
    Texts texts = Texts.of(language);
    StringBuilder body = new StringBuilder(texts.get("notice.find.intro", found.size()));
    for (int i = 0; i < found.size(); i++) {
      CommentContact c = found.get(i);
      body.append("\n\n- ")
          .append(c.article().headline().replaceAll("\\p{Cc}", " "))
          .append("\n  ")
          .append(
              texts.get(
                  "notice.find.item",
                  texts.dateTime(c.comment().submittedAt()),
                  texts.get(
                      "status." + c.comment().status().name().toLowerCase(Locale.ROOT) + ".title")))
          .append("\n  ")
          .append(links.get(i));
    }
    body.append("\n\n").append(texts.get("notice.find.why")).append("\n");
    return new Written(texts.get("notice.find.subject"), body.toString());
  }

  private static String line(Guideline guideline) {
    return "- " + guideline.title() + ": " + guideline.text();
  }

  private static String outcome(NoticeKind kind, CommentStatus status) {
    return switch (status) {
      case APPROVED -> kind == NoticeKind.DECISION ? "approved" : "reversed";
      case REJECTED -> kind == NoticeKind.DECISION ? "rejected" : "upheld";
      case REMOVED -> kind == NoticeKind.DECISION ? "removed" : "upheld";
      case PENDING -> throw new IllegalStateException("the comment is not decided");
    };
  }
}
