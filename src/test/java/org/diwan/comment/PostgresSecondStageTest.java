package org.diwan.comment;

import java.nio.file.Path;
import java.util.List;
import org.diwan.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The second stage on a real PostgreSQL database, kept across the restarts of a test. */
class PostgresSecondStageTest extends SecondStageContract {

  @TempDir Path dataDir;
  private String url;

  @BeforeEach
  void freshDatabase() throws Exception {
    url = EmbeddedPostgresServer.newDatabase();
  }

  @Override
  List<String> database() {
    return List.of(
        "--diwan.db.url=" + url,
        "--diwan.db.user=" + EmbeddedPostgresServer.USER,
        "--diwan.db.password=",
        "--diwan.data-dir=" + dataDir);
  }
}
