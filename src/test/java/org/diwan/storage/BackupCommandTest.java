package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.diwan.Commands;
import org.diwan.storage.internal.DataDirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restore puts a backup in place only while no site runs on the data directory. */
class BackupCommandTest {

  @TempDir Path dir;

  @Test
  void restoreIsRefusedWhileASiteHoldsTheDirectoryAndWorksOnceItHasStopped() throws Exception {
    Path backup = dir.resolve("backup.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + backup);
        var s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (x INTEGER)");
    }
    Path data = dir.resolve("data");
    String[] args = {"restore", backup.toString(), "--diwan.data-dir=" + data};

    try (DataDirectoryLock running = DataDirectoryLock.acquire(data)) {
      assertThat(Commands.run(args)).isEqualTo(1);
      assertThat(Files.exists(data.resolve("diwan.db"))).isFalse();
    }

    assertThat(Commands.run(args)).isZero();
    assertThat(Files.exists(data.resolve("diwan.db"))).isTrue();
  }
}
