package org.diwan.comment;

/**
 * A comment that has been stored and waits for moderation. {@code token} is the secret that opens
 * its status page; it is stored only as a hash and cannot be recovered later.
 */
public record SubmittedComment(long id, String token, CommentStatus status) {

  public String statusPath() {
    return "/comments/" + token;
  }
}
