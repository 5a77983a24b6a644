package org.diwan.comment;

import java.util.List;
import org.diwan.comment.internal.CommentRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores comments that were written elsewhere, with their original dates, names, status and
 * screening, many in one transaction: for importers and the load generator. Nothing is screened or
 * checked again, and no status page is opened for them (each gets a token nobody holds). Writes go
 * the way every write goes (on SQLite, queued behind the one writer), and the import is announced
 * in the same transaction ({@link CommentsImported}), so a decided comment's decision is recorded
 * with it. Thread-safe.
 */
@Service
public class CommentImport {

  private final CommentRepository repository;
  private final ApplicationEventPublisher events;

  CommentImport(CommentRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  /** Stores {@code comments} in one transaction; returns their ids, in the same order. */
  @Transactional
  public List<Long> store(List<ImportedComment> comments) {
    List<Long> ids = repository.importAll(comments);
    events.publishEvent(new CommentsImported(List.copyOf(comments), ids));
    return ids;
  }
}
