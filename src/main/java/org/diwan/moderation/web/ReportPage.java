package org.diwan.moderation.web;

import java.util.List;
import org.diwan.comment.QueuedComment;
import org.diwan.guideline.Guideline;
import org.diwan.site.Texts;

/**
 * The reader's page for reporting one comment, in its article's language: the form, or ({@code
 * sent}) the thanks; {@code counted} false when this reader had reported it before.
 */
public record ReportPage(
    Texts t, QueuedComment comment, List<Guideline> guidelines, boolean sent, boolean counted) {

  public String action() {
    return comment.article().path() + "/comments/" + comment.id() + "/report";
  }

  public int maxNote() {
    return org.diwan.moderation.Reports.MAX_NOTE;
  }
}
