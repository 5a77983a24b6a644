package org.diwan.webhook.internal;

import org.diwan.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnPostgres
class PostgresWebhookTest extends WebhookContract {

  @DynamicPropertySource
  static void webhooks(DynamicPropertyRegistry properties) {
    register(properties);
  }
}
