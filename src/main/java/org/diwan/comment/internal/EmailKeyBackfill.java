package org.diwan.comment.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, gives the comments stored before email keys existed, whose address has characters
 * beyond ASCII, the key Java makes ({@link CommenterEmail}); the migration filled in all the
 * others. Usually finds nothing, through an index of exactly the rows it looks for.
 */
@Component
class EmailKeyBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EmailKeyBackfill.class);

  private final CommentRepository repository;

  EmailKeyBackfill(CommentRepository repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) {
    int filled = repository.fillMissingEmailKeys();
    if (filled > 0) {
      log.info("Gave {} older comments the key their commenter is recognised by", filled);
    }
  }
}
