package org.diwan.moderation;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.QueuedComment;
import org.diwan.moderation.web.QueueCard;
import org.springframework.stereotype.Service;

/** Pages of the moderation queues, each comment with its commenter's history. */
@Service
public class ModerationQueue {

  static final int HISTORY = 10;

  private final CommentQueue comments;

  ModerationQueue(CommentQueue comments) {
    this.comments = comments;
  }

  /** One page of a queue; {@code next} is the {@code after} of the following page, or null. */
  public record Page(List<QueuedComment> comments, Long next) {}

  /**
   * Up to {@code query.limit()} comments. One more is asked for, so the caller knows whether a next
   * page exists without counting the queue.
   */
  public Page page(QueueQuery query) {
    int size = query.limit();
    List<QueuedComment> found =
        comments.find(
            new QueueQuery(
                query.status(),
                query.articleSlug(),
                query.email(),
                query.after(),
                size + 1,
                query.order()));
    if (found.size() <= size) {
      return new Page(found, null);
    }
    List<QueuedComment> page = found.subList(0, size);
    return new Page(page, page.get(page.size() - 1).id());
  }

  public List<QueueCard> cards(List<QueuedComment> page) {
    List<List<QueuedComment>> histories = comments.histories(page, HISTORY);
    return IntStream.range(0, page.size())
        .mapToObj(i -> new QueueCard(page.get(i), histories.get(i)))
        .toList();
  }

  public long pending() {
    return comments.pendingCount();
  }

  public static QueueQuery.Order order(String name) {
    try {
      return name == null || name.isBlank()
          ? QueueQuery.Order.AGE
          : QueueQuery.Order.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ModerationProblem.invalid("order must be AGE or RISK.");
    }
  }

  public static CommentStatus status(String name) {
    try {
      return name == null || name.isBlank()
          ? CommentStatus.PENDING
          : CommentStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ModerationProblem.invalid("status must be PENDING, APPROVED, REJECTED or REMOVED.");
    }
  }
}
