package org.diwan.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.diwan.support.RunningJar;
import org.diwan.support.TestMail;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar (built with Spring AOT, which settles most of Boot's conditions at build time)
 * sends e-mail when an SMTP server is given only as it starts: the article form offers "e-mail me",
 * and "find my comments" reaches the test's real SMTP server.
 */
class MailFromTheJarIT {

  static final String DEMO = "erbil-bazaar-covered-lanes-reopen";

  @TempDir Path dir;

  final TestMail mail = new TestMail();

  @AfterEach
  void stopMail() {
    mail.stop();
  }

  @Test
  void anSmtpServerGivenAtStartIsUsed() throws Exception {
    try (RunningJar site =
        RunningJar.start(
            dir.resolve("site.log"),
            "--diwan.data-dir=" + dir.resolve("data"),
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + mail.port(),
            "--diwan.mail.poll=PT0.2S")) {
      WebClient web = site.client();
      assertThat(web.get("/articles/" + DEMO).body()).contains("id=\"email-me\"");
      HttpResponse<String> posted =
          web.postJson(
              "/api/articles/" + DEMO + "/comments",
              "{\"name\":\"Rezan\",\"email\":\"rezan@example.org\","
                  + "\"text\":\"The covered lanes look well restored.\",\"emailMe\":true}");
      assertThat(posted.statusCode()).isEqualTo(202);

      String token = web.csrfToken("/en/my-comments");
      HttpResponse<String> asked =
          web.postForm("/en/my-comments", Map.of("email", "rezan@example.org", "_csrf", token));
      assertThat(asked.statusCode()).isLessThan(400);

      assertThat(mail.server().waitForIncomingEmail(20_000, 1)).isTrue();
      MimeMessage letter = mail.server().getReceivedMessages()[0];
      assertThat(letter.getAllRecipients()[0].toString()).isEqualTo("rezan@example.org");
      assertThat((String) letter.getContent()).contains("/comments/");
    }
  }
}
