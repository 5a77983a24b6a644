package org.diwan.comment;

import java.util.List;
import org.springframework.stereotype.Service;

/** The approved comments of an article, oldest first, as anyone may read them. Thread-safe. */
@Service
public class PublishedComments {

  public static final int MAX_PAGE_SIZE = 500;

  private final CommentRepository repository;

  PublishedComments(CommentRepository repository) {
    this.repository = repository;
  }

  /**
   * Up to {@code limit} (capped at {@link #MAX_PAGE_SIZE}) comments after comment {@code afterId}.
   */
  public List<PublishedComment> of(long articleId, long afterId, int limit) {
    return repository.approved(
        articleId, Math.max(0, afterId), Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
  }
}
