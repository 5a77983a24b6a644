package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.diwan.support.RunningJar;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a Sorani newsroom runs it: {@code DIWAN_DEFAULT_EDITION=ckb} puts the Sorani
 * edition at {@code /}, with the demo site's Sorani stories, and English moves to {@code /en/}.
 */
class DefaultEditionIT {

  @TempDir Path dir;

  @Test
  void theDefaultEditionIsServedAtTheRoot() throws Exception {
    try (RunningJar site =
        RunningJar.start(
            dir.resolve("site.log"),
            "--diwan.data-dir=" + dir.resolve("data"),
            "--diwan.default-edition=ckb")) {
      WebClient web = site.client();

      HttpResponse<String> root = web.get("/");
      HttpResponse<String> english = web.get("/en/");
      HttpResponse<String> soraniPath = web.get("/ckb/");
      HttpResponse<String> unknown = web.get("/no/such/page");

      assertThat(root.body())
          .contains("<html lang=\"ckb\" dir=\"rtl\">")
          .contains(Texts.of("ckb").get("home.title"))
          .contains("/articles/hawler-wheat-sowing-season")
          .doesNotContain("/articles/erbil-bazaar-covered-lanes-reopen\"");
      assertThat(english.statusCode()).isEqualTo(200);
      assertThat(english.body()).contains("<html lang=\"en\" dir=\"ltr\">");
      assertThat(soraniPath.statusCode()).isEqualTo(301);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("<html lang=\"ckb\" dir=\"rtl\">");
    }
  }

  @Test
  void anEditionDiwanDoesNotHaveStopsTheStartWithAClearMessage() throws Exception {
    Path log = dir.resolve("refused.log");
    try (RunningJar site =
        RunningJar.launch(
            log, "--diwan.data-dir=" + dir.resolve("data2"), "--diwan.default-edition=de")) {
      for (int i = 0; i < 600 && site.isAlive(); i++) {
        Thread.sleep(100);
      }
      assertThat(site.isAlive()).isFalse();
    }
    assertThat(Files.readString(log))
        .contains("DIWAN_DEFAULT_EDITION must be one of en, ckb, kmr, ar, fa, tr: de");
  }
}
