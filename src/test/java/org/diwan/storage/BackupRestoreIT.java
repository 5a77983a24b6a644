package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.support.RunningJar;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup taken while the site takes comments restores into a site that has them all. */
class BackupRestoreIT {

  private static final Pattern TOKEN =
      Pattern.compile("\"token\":\"([0-9a-f]{11}[A-Za-z0-9_-]{43})\"");

  @TempDir Path dir;

  private int run(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/diwan.jar"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cli.log").toFile()))
        .start()
        .waitFor();
  }

  @Test
  void backupOfARunningSiteRestoresEverythingAcknowledged() throws Exception {
    Path backup = dir.resolve("diwan-backup.db");
    List<String> tokens = new ArrayList<>();
    try (RunningJar site =
        RunningJar.start(
            dir.resolve("site.log"),
            "--diwan.data-dir=" + dir.resolve("live"),
            "--diwan.limits.comments-per-ip-per-minute=0")) {
      WebClient web = site.client();
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> r =
            web.postJson(
                "/api/articles/erbil-bazaar-covered-lanes-reopen/comments",
                "{\"name\":\"B\",\"email\":\"b"
                    + i
                    + "@example.org\",\"text\":\"Backed up "
                    + i
                    + "\"}");
        Matcher token = TOKEN.matcher(r.body());
        assertThat(token.find()).isTrue();
        tokens.add(token.group(1));
        if (i == 9) {
          assertThat(run("backup", backup.toString(), "--diwan.data-dir=" + dir.resolve("live")))
              .isZero();
        }
      }
    }

    assertThat(run("restore", backup.toString(), "--diwan.data-dir=" + dir.resolve("restored")))
        .isZero();
    try (RunningJar restored =
        RunningJar.start(
            dir.resolve("restored.log"), "--diwan.data-dir=" + dir.resolve("restored"))) {
      WebClient web = restored.client();
      assertThat(run("restore", backup.toString(), "--diwan.data-dir=" + dir.resolve("restored")))
          .as("restore refuses while the site runs")
          .isEqualTo(1);
      for (int i = 0; i < 20; i++) {
        int status = web.getJson("/api/comments/" + tokens.get(i)).statusCode();
        assertThat(status).as("comment " + i).isEqualTo(i <= 9 ? 200 : 404);
      }
    }
    assertThat(
            run(
                "restore",
                dir.resolve("missing.db").toString(),
                "--diwan.data-dir=" + dir.resolve("x")))
        .isEqualTo(1);
  }
}
