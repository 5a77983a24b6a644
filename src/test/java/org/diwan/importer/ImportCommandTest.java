package org.diwan.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.diwan.DiwanApplication;
import org.diwan.storage.internal.DataDirectoryLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import wordpress|disqus FILE} as an operator runs it, on a SQLite data directory: the
 * summary, the exit codes, and a refused file leaving the database without any of it.
 */
class ImportCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void forgetDataDirectory() {
    System.clearProperty("diwan.data-dir");
  }

  @Test
  void importsAnExportAndSaysWhatItBroughtInAndLeftOut() throws Exception {
    int code = run("wordpress", ImportContract.WORDPRESS.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("articles: 4 imported, 0 already imported")
        .contains("comments: 5 imported, 0 already imported")
        .contains("left out: 0 spam, 1 trash or deleted");
    assertThat(rows("comment")).isEqualTo(5);
  }

  @Test
  void aTruncatedFileIsRefusedWithItsOwnExitCodeAndNothingImported() throws Exception {
    String whole = Files.readString(ImportContract.WORDPRESS, StandardCharsets.UTF_8);
    Path cut = Files.writeString(dir.resolve("cut.xml"), whole.substring(0, whole.length() / 2));

    int code = run("wordpress", cut.toString());

    assertThat(code).isEqualTo(ImportCommand.REFUSED);
    assertThat(err.toString()).contains("is the file complete?").contains("Nothing was imported.");
    assertThat(rows("article")).isZero();
    assertThat(rows("comment")).isZero();
  }

  @Test
  void refusesToRunOnTheDataDirectoryOfARunningSite() throws Exception {
    try (DataDirectoryLock site = DataDirectoryLock.acquire(dir.resolve("data"))) {
      assertThat(run("wordpress", ImportContract.WORDPRESS.toString())).isEqualTo(1);
    }
    assertThat(err.toString())
        .contains("Another Diwan is running on the data directory")
        .contains("stop the site first")
        .doesNotContain("Exception");
  }

  @Test
  void aDisqusExportNeedsALanguageAndAFileMustExist() {
    assertThat(run("disqus", ImportContract.DISQUS.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("give --lang");
    assertThat(run("wordpress", dir.resolve("missing.xml").toString())).isEqualTo(2);
    assertThat(run("wordpress", "--lang", "xx", ImportContract.WORDPRESS.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--lang must be one of en, ckb");
  }

  private int run(String... args) {
    System.setProperty("diwan.data-dir", dir.resolve("data").toString());
    return ImportCommand.commandLine(DiwanApplication.class)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private long rows(String table) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/diwan.db"));
        var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
