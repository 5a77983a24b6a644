package org.diwan.notice.internal;

import org.diwan.support.OnSqlite;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnSqlite
class SqliteFindMyCommentsTest extends FindMyCommentsContract {

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry properties) {
    MAIL.register(properties);
  }
}
