package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/** Malformed requests get a 400 and one line in the log, never a 500 and a stack trace. */
@OnSqlite
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

  @Autowired StaffAccounts accounts;
  @Autowired Environment environment;

  private WebClient web() {
    return new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private static void refusedQuietly(
      HttpResponse<String> response, CapturedOutput output, int logLength) {
    assertThat(response.statusCode()).isEqualTo(400);
    String logged = output.getOut().substring(logLength) + output.getErr();
    assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(logged.lines().filter(l -> l.contains(" WARN ") || l.contains("ERROR")))
        .hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void aBadlyEncodedQueryOnAPageIsA400WithOneLogLine(CapturedOutput output) {
    int before = output.getOut().length();
    HttpResponse<String> response = web().get("/login?x=%ff");
    refusedQuietly(response, output, before);
    assertThat(response.body()).contains("<!DOCTYPE html>");
  }

  @Test
  void aBadlyEncodedQueryOnTheApiIsAProblem(CapturedOutput output) {
    int before = output.getOut().length();
    HttpResponse<String> response = web().getJson("/api/articles?x=%ff");
    refusedQuietly(response, output, before);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void aParameterOfTheWrongTypeOnAStaffPageIsA400(CapturedOutput output) {
    WebClient moderator =
        web().logIn(StaffFixtures.member(accounts, Role.MODERATOR), StaffFixtures.PASSWORD);
    int before = output.getOut().length();
    HttpResponse<String> response = moderator.get("/moderation?after=abc");
    refusedQuietly(response, output, before);
  }

  @Test
  void anOverlongUtf8FormIsRefusedNotDecoded(CapturedOutput output) {
    int before = output.getOut().length();
    // %C0%AF is an overlong encoding of '/', which a strict decoder refuses
    HttpResponse<String> response = web().get("/tags/x?q=%C0%AF");
    refusedQuietly(response, output, before);
  }
}
