package org.diwan.staff.internal;

import java.util.List;
import java.util.function.Supplier;
import org.diwan.staff.MetricsAccess;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Lets a scraper in when its address is in one of the configured networks or it authenticated with
 * the configured role ({@link MetricsAccess}). A malformed network stops the start, naming it.
 */
class ScrapeAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

  private final List<IpAddressMatcher> networks;
  private final String authority;

  ScrapeAuthorization(MetricsAccess access) {
    this.networks =
        access.networks().stream()
            .map(String::strip)
            .filter(network -> !network.isEmpty())
            .map(ScrapeAuthorization::network)
            .toList();
    this.authority = access.role().authority();
  }

  private static IpAddressMatcher network(String network) {
    try {
      return new IpAddressMatcher(network);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "DIWAN_METRICS_NETWORKS: '"
              + network
              + "' is not an address or a CIDR range such as 10.0.0.0/8",
          e);
    }
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    String address = context.getRequest().getRemoteAddr();
    if (networks.stream().anyMatch(network -> network.matches(address))) {
      return new AuthorizationDecision(true);
    }
    Authentication caller = authentication.get();
    return new AuthorizationDecision(
        caller != null
            && caller.isAuthenticated()
            && caller.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority())));
  }
}
