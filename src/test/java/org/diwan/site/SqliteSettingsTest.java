package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQLite settings that make an acknowledged comment durable hold on pooled connections. */
@OnSqlite
class SqliteSettingsTest {

  @Autowired JdbcClient jdbc;

  private String pragma(String name) {
    return jdbc.sql("PRAGMA " + name).query(String.class).single();
  }

  @Test
  void connectionsUseWriteAheadLogWithFullSync() {
    for (int i = 0; i < 12; i++) {
      assertThat(pragma("journal_mode")).isEqualToIgnoringCase("wal");
      assertThat(pragma("synchronous")).as("FULL is 2").isEqualTo("2");
      assertThat(Integer.parseInt(pragma("busy_timeout"))).isGreaterThanOrEqualTo(5_000);
      assertThat(pragma("foreign_keys")).isEqualTo("1");
      assertThat(pragma("wal_autocheckpoint")).as("WalCheckpoints does it").isEqualTo("0");
    }
  }
}
