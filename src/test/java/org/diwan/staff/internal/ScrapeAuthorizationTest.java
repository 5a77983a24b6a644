package org.diwan.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.diwan.staff.MetricsAccess;
import org.diwan.staff.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class ScrapeAuthorizationTest {

  private static final Authentication ANONYMOUS =
      new AnonymousAuthenticationToken(
          "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  private static boolean allows(
      MetricsAccess access, String address, Authentication authentication) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
    request.setRemoteAddr(address);
    return new ScrapeAuthorization(access)
        .authorize(() -> authentication, new RequestAuthorizationContext(request))
        .isGranted();
  }

  private static Authentication holding(Role role) {
    return UsernamePasswordAuthenticationToken.authenticated(
        "key:scraper", null, AuthorityUtils.createAuthorityList(role.authority()));
  }

  @Test
  void anAddressInsideAListedNetworkNeedsNoCredentials() {
    MetricsAccess access =
        new MetricsAccess(Role.ADMIN, List.of("10.20.0.0/16", " 192.0.2.7 ", "fd00::/8"));

    assertThat(allows(access, "10.20.3.4", ANONYMOUS)).isTrue();
    assertThat(allows(access, "192.0.2.7", ANONYMOUS)).isTrue();
    assertThat(allows(access, "fd12:3456::1", ANONYMOUS)).isTrue();
    assertThat(allows(access, "10.21.0.1", ANONYMOUS)).isFalse();
    assertThat(allows(access, "192.0.2.8", ANONYMOUS)).isFalse();
    assertThat(allows(access, "fe80::1", ANONYMOUS)).isFalse();
    assertThat(allows(access, "127.0.0.1", ANONYMOUS)).isFalse();
  }

  @Test
  void elsewhereOnlyTheConfiguredRoleGetsIn() {
    MetricsAccess access = new MetricsAccess(Role.EDITOR, List.of());

    assertThat(allows(access, "127.0.0.1", holding(Role.EDITOR))).isTrue();
    assertThat(allows(access, "127.0.0.1", holding(Role.ADMIN))).isFalse();
    assertThat(allows(access, "127.0.0.1", holding(Role.MODERATOR))).isFalse();
    assertThat(allows(access, "127.0.0.1", ANONYMOUS)).isFalse();
    assertThat(allows(access, "127.0.0.1", null)).isFalse();
  }

  @Test
  void aNetworkThatIsNotOneStopsTheStartNamingIt() {
    for (String bad : new String[] {"10.0.0.0/33", "any", "intranet.example"}) {
      assertThatThrownBy(() -> new ScrapeAuthorization(new MetricsAccess(Role.ADMIN, List.of(bad))))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("DIWAN_METRICS_NETWORKS")
          .hasMessageContaining(bad);
    }
  }
}
