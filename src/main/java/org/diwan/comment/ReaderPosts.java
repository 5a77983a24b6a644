package org.diwan.comment;

import org.diwan.comment.internal.SubmissionLimits;
import org.springframework.stereotype.Service;

/**
 * A reader's comment from a form, the article page's or an embed's: the article checked, the
 * address's and e-mail's limits counted, then submitted. Thread-safe.
 */
@Service
public class ReaderPosts {

  private final CommentTargets targets;
  private final SubmissionLimits limits;
  private final CommentSubmission submission;

  ReaderPosts(CommentTargets targets, SubmissionLimits limits, CommentSubmission submission) {
    this.targets = targets;
    this.limits = limits;
    this.submission = submission;
  }

  /**
   * Posts {@code comment} from {@code address}.
   *
   * @throws CommentTargetNotFound for an unknown slug, {@link InvalidComment} for bad fields, and
   *     whatever the limits or the submission throw
   */
  public SubmittedComment post(String address, SubmitComment comment) {
    // The kept answer, not the whole article: it is read only to show the form again.
    if (targets.bySlug(comment.articleSlug()).isEmpty()) {
      throw new CommentTargetNotFound(comment.articleSlug());
    }
    limits.check(address, comment.email());
    return submission.submit(comment);
  }
}
