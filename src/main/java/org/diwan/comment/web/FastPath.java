package org.diwan.comment.web;

import java.util.concurrent.atomic.LongAdder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request the site answers by the controller's own code without Spring MVC's dispatch ({@link
 * FastPaths}); it counts the requests it answered, so a test can tell which path answered one.
 */
abstract class FastPath extends OncePerRequestFilter {

  private final LongAdder answered = new LongAdder();

  /** How many requests this path has answered itself since the application started. */
  long answered() {
    return answered.sum();
  }

  /** Called once the answer is written here rather than by the controller. */
  void counted() {
    answered.increment();
  }
}
