package org.diwan.comment.internal;

import java.util.Optional;
import org.diwan.comment.CommentTargets;
import org.springframework.stereotype.Service;

/** Finds a comment by the secret token of its status page. Thread-safe. */
@Service
public class CommentStatuses {

  private final CommentRepository repository;
  private final CommentTargets targets;

  CommentStatuses(CommentRepository repository, CommentTargets targets) {
    this.repository = repository;
    this.targets = targets;
  }

  /** Empty for a token that is malformed or opens no comment. */
  public Optional<CommentStatusView> byToken(String token) {
    if (!CommentTokens.looksValid(token)) {
      return Optional.empty();
    }
    return repository
        .findByTokenKey(CommentTokens.key(token))
        .flatMap(
            c ->
                targets
                    .byId(c.articleId())
                    .map(
                        article ->
                            new CommentStatusView(
                                c.id(),
                                article,
                                c.authorName(),
                                c.text(),
                                c.submittedAt(),
                                c.status(),
                                c.decidedAt(),
                                c.codes(),
                                c.note(),
                                c.removedAt(),
                                c.decidedAutomatically())));
  }
}
