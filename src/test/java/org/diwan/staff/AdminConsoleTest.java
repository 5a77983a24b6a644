package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.diwan.support.Html;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin's console as a browser sends it: each button posts the value its page shows. */
@OnSqlite
class AdminConsoleTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired StaffAccounts accounts;
  @Autowired ApiKeys keys;
  @Autowired Environment environment;

  WebClient admin;
  int port;

  @BeforeEach
  void logIn() {
    port = environment.getRequiredProperty("local.server.port", Integer.class);
    admin =
        new WebClient(port)
            .logIn(StaffFixtures.member(accounts, Role.ADMIN), StaffFixtures.PASSWORD);
  }

  @Test
  void disableAndEnableButtonsSendTheValueTheirPageShows() {
    String email = StaffFixtures.member(accounts, Role.MODERATOR);
    long id = accounts.byEmail(email).orElseThrow().id();
    String action = "/admin/staff/" + id + "/enabled";

    for (boolean expected : new boolean[] {false, true}) {
      String value = Html.hiddenValue(admin.get("/admin/staff").body(), action, "enabled");
      assertThat(value).isEqualTo(String.valueOf(expected));
      HttpResponse<String> sent =
          admin.submitForm("/admin/staff", action, Map.of("enabled", value));
      assertThat(sent.statusCode()).isEqualTo(302);
      assertThat(accounts.byEmail(email).orElseThrow().enabled()).isEqualTo(expected);
    }
  }

  @Test
  void liveKeysAreListedAsActiveWithARevokeButtonAndRevokedOnesWithTheirTime() {
    long live = keys.create("live desk", Role.EDITOR, "test").id();
    long gone = keys.create("old desk", Role.EDITOR, "test").id();
    keys.revoke(gone, "test");

    String page = admin.get("/admin/api-keys").body();
    assertThat(page).contains("action=\"/admin/api-keys/" + live + "/revoke\"");
    assertThat(page).doesNotContain("action=\"/admin/api-keys/" + gone + "/revoke\"");
    assertThat(page).doesNotContain("1970");

    String key = StaffFixtures.key(keys, Role.ADMIN);
    JsonNode listed =
        JSON.readTree(
            new WebClient(port)
                .send("GET", "/api/admin/api-keys", null, "Authorization", "Bearer " + key)
                .body());
    for (JsonNode k : listed) {
      long id = k.get("id").asLong();
      if (id == live) {
        assertThat(k.get("revokedAt").isNull()).as("live key's revokedAt").isTrue();
      } else if (id == gone) {
        assertThat(k.get("revokedAt").asString()).doesNotStartWith("1970");
      }
    }
  }
}
