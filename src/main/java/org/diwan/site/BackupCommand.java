package org.diwan.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code java -jar diwan.jar backup FILE} copies the SQLite database consistently while the site
 * runs (SQLite's online backup reads one snapshot, so writers carry on); {@code restore FILE} puts
 * a copy back, and refuses while a site runs on the directory ({@link DataDirectoryLock}). The data
 * directory is {@code DIWAN_DATA_DIR} or {@code --diwan.data-dir=DIR}, as for the site. PostgreSQL
 * sites use pg_dump and pg_restore.
 */
public final class BackupCommand {

  private BackupCommand() {}

  /** Runs {@code backup} or {@code restore}; returns the process exit code. */
  public static int run(String command, String... args) {
    Path dataDir = Path.of(System.getenv().getOrDefault("DIWAN_DATA_DIR", "./data"));
    Path file = null;
    for (String arg : args) {
      if (arg.startsWith("--diwan.data-dir=")) {
        dataDir = Path.of(arg.substring("--diwan.data-dir=".length()));
      } else if (!arg.startsWith("--")) {
        file = Path.of(arg);
      }
    }
    String dbUrl = System.getenv("DIWAN_DB_URL");
    if (dbUrl != null && !dbUrl.isBlank()) {
      System.err.println("This site uses PostgreSQL: back it up with pg_dump (see the README).");
      return 2;
    }
    if (file == null) {
      System.err.println("Usage: java -jar diwan.jar " + command + " FILE [--diwan.data-dir=DIR]");
      return 2;
    }
    Path database = dataDir.resolve("diwan.db").toAbsolutePath();
    try {
      if (command.equals("backup")) {
        if (!Files.exists(database)) {
          System.err.println("There is no database at " + database);
          return 1;
        }
        Files.deleteIfExists(file);
        execute(database, "backup to '" + quoted(file) + "'");
        System.out.println("Backed up " + database + " to " + file.toAbsolutePath());
      } else {
        if (!Files.isRegularFile(file)) {
          System.err.println("There is no backup at " + file.toAbsolutePath());
          return 1;
        }
        if (DataDirectoryLock.held(dataDir)) {
          System.err.println(
              "The site is running on "
                  + dataDir.toAbsolutePath()
                  + ": stop it before restoring, then start it again.");
          return 1;
        }
        Files.createDirectories(dataDir);
        execute(database, "restore from '" + quoted(file) + "'");
        System.out.println("Restored " + file.toAbsolutePath() + " into " + database);
      }
      return 0;
    } catch (SQLException | java.io.IOException e) {
      System.err.println(command + " failed: " + e.getMessage());
      return 1;
    }
  }

  private static void execute(Path database, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static String quoted(Path file) {
    return file.toAbsolutePath().toString().replace("'", "''");
  }
}
