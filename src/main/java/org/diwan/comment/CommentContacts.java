package org.diwan.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.diwan.comment.internal.CommentDraft;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.comment.internal.CommentTokens;
import org.diwan.comment.internal.CommenterEmail;
import org.diwan.site.Message;
import org.springframework.stereotype.Service;

/**
 * What a message to a commenter needs from their comment: the comment with its article, whether
 * they asked to hear of the decision, and a working link to its status page. Thread-safe.
 *
 * <p>Only a hash of the link shown after posting is stored, so it cannot be sent again; each
 * message gets a new link instead ({@link #issueStatusPath}), whose hash is kept beside the first
 * and opens the same page. It is as strong as the first (256 random bits), is written only into the
 * message to the address the comment was posted with, and the page it opens shows no more than that
 * commenter already sent.
 */
@Service
public class CommentContacts {

  private final CommentRepository repository;
  private final CommentTargets targets;
  private final Clock clock;

  CommentContacts(CommentRepository repository, CommentTargets targets, Clock clock) {
    this.repository = repository;
    this.targets = targets;
    this.clock = clock;
  }

  /** The comment and its article; empty when either is unknown or the commenter was erased. */
  public Optional<CommentContact> find(long commentId) {
    return repository
        .findById(commentId)
        .filter(c -> !c.authorEmail().endsWith("@invalid"))
        .flatMap(c -> targets.byId(c.articleId()).map(a -> new CommentContact(c, a)));
  }

  /**
   * The comments posted with {@code email} (compared as {@link #emailKey}) since {@code since},
   * newest first, at most {@code limit}, each with its article; none for an erased commenter.
   */
  public List<CommentContact> recentBy(String email, Instant since, int limit) {
    return repository.recentByEmailKey(emailKey(email), since, limit).stream()
        .flatMap(c -> targets.byId(c.articleId()).map(a -> new CommentContact(c, a)).stream())
        .toList();
  }

  /** How an address is compared with the addresses comments were posted with. */
  public static String emailKey(String email) {
    return CommenterEmail.key(email);
  }

  /**
   * What is wrong with {@code email} as an address to write to, by the comment form's own rules (an
   * address with a line break or any other control character is refused); null when nothing.
   */
  public static Message emailProblem(String email) {
    return CommentDraft.emailProblem(email);
  }

  /** Whether the commenter ticked "e-mail me when my comment is decided". */
  public boolean askedForNotice(long commentId) {
    return repository.notifyOnDecision(commentId);
  }

  /** A new path that opens the comment's status page ({@code /comments/<token>}). */
  public String issueStatusPath(long commentId) {
    String token = CommentTokens.generate(clock.instant());
    repository.addStatusKey(commentId, CommentTokens.key(token), clock.instant());
    return "/comments/" + token;
  }

  /** Takes back a path from {@link #issueStatusPath} whose message could not be sent. */
  public void withdrawStatusPath(String path) {
    repository.removeStatusKey(CommentTokens.key(path.substring("/comments/".length())));
  }

  /** A comment with the article it was posted under. */
  public record CommentContact(Comment comment, CommentTarget article) {}
}
