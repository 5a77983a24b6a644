package org.diwan.comment;

import java.util.List;
import org.diwan.guideline.Guideline;

/** The private status page of one comment, with the guidelines it was rejected under, if any. */
public record StatusPage(CommentStatusView comment, List<Guideline> broken) {

  public boolean pending() {
    return comment.status() == CommentStatus.PENDING;
  }

  public boolean approved() {
    return comment.status() == CommentStatus.APPROVED;
  }

  public boolean rejected() {
    return comment.status() == CommentStatus.REJECTED;
  }
}
