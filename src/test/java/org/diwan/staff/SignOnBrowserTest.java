package org.diwan.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.diwan.audit.AuditTrail;
import org.diwan.support.Browser;
import org.diwan.support.BrowserSession;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign in through a real OpenID Connect provider started by the test ({@code
 * mock-oauth2-server}: discovery, signed ID tokens, JWKS), in real Chromium: the roles claim makes
 * the account, an admin makes it when there is no claim, and a token for another audience, an
 * expired one, another person with the same address and a disabled account are each refused with
 * words the person understands.
 */
@OnSqlite
class SignOnBrowserTest {

  static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

  static {
    PROVIDER.start();
  }

  @RegisterExtension static final BrowserSession session = new BrowserSession();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    properties.add("diwan.oidc.issuer", () -> PROVIDER.issuerUrl("newsroom").toString());
    properties.add("diwan.oidc.client-id", () -> "diwan");
    properties.add("diwan.oidc.client-secret", () -> "not-a-real-secret");
    properties.add("diwan.oidc.roles-claim", () -> "diwan_roles");
    properties.add("diwan.oidc.label", () -> "Sign in with Newsroom ID");
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  @Autowired StaffAccounts accounts;
  @Autowired AuditTrail audit;
  @LocalServerPort int port;

  private String base() {
    return "http://localhost:" + port;
  }

  private static WebDriver driver() {
    return session.driver();
  }

  /** The provider's next token is for {@code subject} with {@code claims}. */
  private static void nextPerson(String subject, Map<String, Object> claims, long expirySeconds) {
    PROVIDER.enqueueCallback(
        new DefaultOAuth2TokenCallback("newsroom", subject, "JWT", null, claims, expirySeconds));
  }

  private static void nextPerson(String subject, Map<String, Object> claims) {
    nextPerson(subject, claims, 3600);
  }

  /** Presses the sign-in button on a fresh login page and waits to be back at Diwan. */
  private String signIn() {
    session.freshVisitor(new Dimension(1280, 900));
    driver().get(base() + "/login");
    driver().findElement(By.linkText("Sign in with Newsroom ID")).click();
    session.waiting().until(ExpectedConditions.urlContains("localhost:" + port + "/"));
    session
        .waiting()
        .until(
            d ->
                d.getCurrentUrl().contains("/staff")
                    || d.getCurrentUrl().contains("/login?")
                    || d.getCurrentUrl().contains("/moderation"));
    return driver().getCurrentUrl();
  }

  private static String alert() {
    return driver().findElement(By.cssSelector("[role='alert']")).getText();
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@newsroom.example";
  }

  @Test
  void aModeratorSignsInWithTheRoleTheClaimGivesAndTheAccountFollowsTheClaim() {
    String email = unique("sara");
    String subject = UUID.randomUUID().toString();
    nextPerson(
        subject, Map.of("email", email, "name", "Sara Ahmed", "diwan_roles", List.of("moderator")));

    String landed = signIn();

    assertThat(landed).endsWith("/staff");
    assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Hello, Sara Ahmed");
    driver().get(base() + "/moderation");
    assertThat(driver().findElement(By.tagName("h1")).getText()).startsWith("Moderation");
    Browser.screenshot(driver(), "sign-on-moderator");
    assertThat(accounts.byEmail(email).orElseThrow().roles()).containsExactly(Role.MODERATOR);
    assertThat(audit.find(email, "login.succeeded", 0)).hasSize(1);

    // The directory now makes her an editor as well: her next sign-in brings the account in line.
    nextPerson(subject, Map.of("email", email, "diwan_roles", "MODERATOR EDITOR"));
    assertThat(signIn()).endsWith("/staff");
    assertThat(accounts.byEmail(email).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.MODERATOR, Role.EDITOR);
    driver().get(base() + "/editor");
    assertThat(driver().getTitle()).doesNotContain("Not allowed");
  }

  @Test
  void withoutTheClaimAnAdminCreatesTheAccountAndTheNextSignInOpensIt() {
    String email = unique("karwan");
    String subject = UUID.randomUUID().toString();
    nextPerson(subject, Map.of("email", email, "name", "Karwan Aziz"));

    assertThat(signIn()).contains("/login?sso=awaiting_account");
    assertThat(alert()).contains("no staff account here yet");
    Browser.screenshot(driver(), "sign-on-awaiting-account");
    assertThat(accounts.accountRequests()).extracting(SignInRequest::email).contains(email);

    // An admin sees the request and creates the account from it.
    String admin = StaffFixtures.member(accounts, Role.ADMIN);
    session.logIn(base(), admin);
    driver().get(base() + "/admin/staff");
    driver().findElement(By.cssSelector("tr[data-request='" + email + "'] a")).click();
    assertThat(driver().findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
    assertThat(driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("Karwan Aziz");
    driver().findElement(By.cssSelector("input[name='roles'][value='EDITOR']")).click();
    Browser.screenshot(driver(), "sign-on-admin-creates");
    driver().findElement(By.cssSelector("#add button[type='submit']")).click();
    session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));

    nextPerson(subject, Map.of("email", email, "name", "Karwan Aziz"));
    assertThat(signIn()).endsWith("/staff");
    driver().get(base() + "/editor");
    assertThat(driver().getCurrentUrl()).endsWith("/editor");
    assertThat(accounts.accountRequests()).extracting(SignInRequest::email).doesNotContain(email);
  }

  @Test
  void aTokenForAnotherAudienceOrAnExpiredOneSignsNobodyIn() {
    String email = unique("intruder");
    // The provider names its client in the ID token's audience; this claim replaces it.
    nextPerson(
        UUID.randomUUID().toString(),
        Map.of("email", email, "diwan_roles", List.of("ADMIN"), "aud", "another-application"));
    assertThat(signIn()).contains("/login?sso=failed");
    assertThat(alert()).contains("did not succeed");
    Browser.screenshot(driver(), "sign-on-wrong-audience");

    // Issued two hours ago, for an hour.
    long twoHoursAgo = java.time.Instant.now().minusSeconds(7200).getEpochSecond();
    nextPerson(
        UUID.randomUUID().toString(),
        Map.of("email", email, "diwan_roles", List.of("ADMIN"), "iat", twoHoursAgo),
        -3600);
    assertThat(signIn()).contains("/login?sso=failed");

    assertThat(accounts.byEmail(email)).isEmpty();
    driver().get(base() + "/admin/staff");
    assertThat(driver().getCurrentUrl()).endsWith("/login");
  }

  @Test
  void anotherPersonWithTheSameAddressAndADisabledAccountAreRefused() {
    String email = unique("hana");
    nextPerson("hana-1", Map.of("email", email, "diwan_roles", List.of("MODERATOR")));
    assertThat(signIn()).endsWith("/staff");

    nextPerson("someone-else", Map.of("email", email, "diwan_roles", List.of("MODERATOR")));
    assertThat(signIn()).contains("/login?sso=other_subject");
    assertThat(alert()).contains("belongs to another person");

    StaffMember hana = accounts.byEmail(email).orElseThrow();
    accounts.setEnabled(hana.id(), false, "admin@test");
    nextPerson("hana-1", Map.of("email", email, "diwan_roles", List.of("MODERATOR")));
    assertThat(signIn()).contains("/login?sso=disabled");
    assertThat(alert()).contains("disabled");

    accounts.setEnabled(hana.id(), true, "admin@test");
    nextPerson("hana-1", Map.of("email", email, "diwan_roles", List.of()));
    assertThat(signIn()).contains("/login?sso=no_role");
    assertThat(accounts.byEmail(email).orElseThrow().roles()).isEqualTo(Set.of(Role.MODERATOR));
  }
}
