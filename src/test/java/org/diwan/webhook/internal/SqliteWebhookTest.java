package org.diwan.webhook.internal;

import org.diwan.support.OnSqlite;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnSqlite
class SqliteWebhookTest extends WebhookContract {

  @DynamicPropertySource
  static void webhooks(DynamicPropertyRegistry properties) {
    register(properties);
  }
}
