package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sqlite.SQLiteConnection;

/**
 * The SQLite settings that make an acknowledged comment durable hold on every pooled connection:
 * the whole pool is taken at once, so each connection is a different one.
 */
@OnSqlite
class SqliteSettingsTest {

  @Autowired HikariDataSource dataSource;

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA " + name)) {
      result.next();
      return result.getString(1);
    }
  }

  @Test
  void everyPooledConnectionUsesWriteAheadLogWithFullSync() throws SQLException {
    int pool = dataSource.getMaximumPoolSize();
    List<Connection> held = new ArrayList<>();
    Map<SQLiteConnection, Boolean> distinct = new IdentityHashMap<>();
    try {
      for (int i = 0; i < pool; i++) {
        Connection connection = dataSource.getConnection();
        held.add(connection);
        distinct.put(connection.unwrap(SQLiteConnection.class), true);
        assertThat(pragma(connection, "journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(pragma(connection, "synchronous")).as("FULL is 2").isEqualTo("2");
        assertThat(Integer.parseInt(pragma(connection, "busy_timeout")))
            .isGreaterThanOrEqualTo(5_000);
        assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(connection, "wal_autocheckpoint"))
            .as("WalCheckpoints does it")
            .isEqualTo("0");
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertThat(distinct).as("each of the pool's connections, not one again").hasSize(pool);
    assertThat(pool).isGreaterThan(1);
  }
}
