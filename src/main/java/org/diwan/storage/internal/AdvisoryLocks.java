package org.diwan.storage.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.diwan.storage.OneAtATime;
import org.springframework.dao.DataAccessResourceFailureException;

/** {@link OneAtATime} on PostgreSQL: a session advisory lock held on a connection of its own. */
final class AdvisoryLocks implements OneAtATime {

  private final DataSource dataSource;

  AdvisoryLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(String name, Runnable work) {
    try (Connection connection = dataSource.getConnection()) {
      call(connection, "SELECT pg_advisory_lock(hashtext(?))", name);
      try {
        work.run();
      } finally {
        call(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot take the lock for " + name, e);
    }
  }

  private static void call(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, "diwan:" + name);
      statement.execute();
    }
  }
}
