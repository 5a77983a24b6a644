package org.diwan.comment;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The second stage on a real SQLite file, kept across the restarts of a test. */
class SqliteSecondStageTest extends SecondStageContract {

  @TempDir Path dataDir;

  @Override
  List<String> database() {
    return List.of("--diwan.data-dir=" + dataDir, "--diwan.db.url=");
  }
}
