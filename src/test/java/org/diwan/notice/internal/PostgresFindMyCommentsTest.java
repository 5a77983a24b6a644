package org.diwan.notice.internal;

import org.diwan.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnPostgres
class PostgresFindMyCommentsTest extends FindMyCommentsContract {

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    MAIL.register(properties);
  }
}
