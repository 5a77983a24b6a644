package org.diwan.storage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.diwan.storage.internal.DataDirectoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar diwan.jar backup FILE} copies the SQLite database consistently while the site
 * runs (SQLite's online backup reads one snapshot, so writers carry on); {@code restore FILE} puts
 * a copy back, and refuses while a site runs on the directory. The data directory is {@code
 * DIWAN_DATA_DIR} or {@code --diwan.data-dir=DIR}, as for the site. PostgreSQL sites use pg_dump
 * and pg_restore. Exit codes: 0 done, 1 failed, 2 a usage error.
 */
public final class BackupCommand {

  private BackupCommand() {}

  /** What both commands take. */
  abstract static class SqliteCopy implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the copy")
    Path file;

    @Option(
        names = "--diwan.data-dir",
        paramLabel = "DIR",
        defaultValue = "${env:DIWAN_DATA_DIR:-./data}",
        description = "the site's data directory (default: DIWAN_DATA_DIR or ./data)")
    Path dataDir;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      String dbUrl = System.getenv("DIWAN_DB_URL");
      if (dbUrl != null && !dbUrl.isBlank()) {
        err.println("This site uses PostgreSQL: back it up with pg_dump (see the README).");
        return 2;
      }
      Path database = dataDir.resolve("diwan.db").toAbsolutePath();
      try {
        return copy(database, spec.commandLine().getOut(), err);
      } catch (SQLException | IOException e) {
        err.println(spec.name() + " failed: " + e.getMessage());
        return 1;
      }
    }

    abstract int copy(Path database, PrintWriter out, PrintWriter err)
        throws SQLException, IOException;
  }

  /** {@code backup FILE}: a consistent copy of the running site's database. */
  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = "Copy the SQLite database to FILE, safely while the site runs.")
  public static final class Backup extends SqliteCopy {
    @Override
    int copy(Path database, PrintWriter out, PrintWriter err) throws SQLException, IOException {
      if (!Files.exists(database)) {
        err.println("There is no database at " + database);
        return 1;
      }
      Files.deleteIfExists(file);
      execute(database, "backup to '" + quoted(file) + "'");
      out.println("Backed up " + database + " to " + file.toAbsolutePath());
      return 0;
    }
  }

  /** {@code restore FILE}: puts a backup back, with the site stopped. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = "Put the backup FILE back as the database; the site must be stopped.")
  public static final class Restore extends SqliteCopy {
    @Override
    int copy(Path database, PrintWriter out, PrintWriter err) throws SQLException, IOException {
      if (!Files.isRegularFile(file)) {
        err.println("There is no backup at " + file.toAbsolutePath());
        return 1;
      }
      if (DataDirectoryLock.held(dataDir)) {
        err.println(
            "The site is running on "
                + dataDir.toAbsolutePath()
                + ": stop it before restoring, then start it again.");
        return 1;
      }
      Files.createDirectories(dataDir);
      execute(database, "restore from '" + quoted(file) + "'");
      out.println("Restored " + file.toAbsolutePath() + " into " + database);
      return 0;
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
