package org.diwan.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The comment module's settings, bound from {@code diwan.*}.
 *
 * @param limits how many comments one client may post
 * @param privacy what erasure keeps
 * @param fastPaths whether the busiest comment requests are answered without Spring MVC's dispatch
 *     (see {@code comment.web.FastPaths}); the answers are the same either way
 */
@ConfigurationProperties("diwan")
public record CommentProperties(
    @DefaultValue Limits limits,
    @DefaultValue Privacy privacy,
    @DefaultValue("true") boolean fastPaths) {

  /**
   * @param commentsPerIpPerMinute comments one client address may post per minute; 0: no check
   * @param commentsPerEmailPerMinute the same per commenter email
   */
  public record Limits(
      @DefaultValue("10") int commentsPerIpPerMinute,
      @DefaultValue("5") int commentsPerEmailPerMinute) {}

  /**
   * @param keepErasedTexts when a commenter's data is erased, keep their comment texts (name and
   *     email go either way)
   */
  public record Privacy(@DefaultValue("false") boolean keepErasedTexts) {}
}
