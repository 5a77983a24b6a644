package org.diwan.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.diwan.staff.StaffProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;

/**
 * The newsroom's OpenID Connect provider as Spring Security's one client registration, {@link #ID}.
 * Its endpoints and keys come from the provider's discovery document, read on the first sign-in
 * rather than at start, so the site starts (and password login works) while the provider is down;
 * after a failed read none is tried for {@link #RETRY}, so a provider that hangs holds up one
 * sign-in, not every one. Thread-safe.
 */
@Component
public class NewsroomProvider implements ClientRegistrationRepository {

  /** The registration's id, the last part of the provider's redirect address. */
  public static final String ID = "newsroom";

  static final Duration RETRY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(NewsroomProvider.class);

  private final StaffProperties.Oidc settings;
  private final Clock clock;
  private volatile ClientRegistration registration;
  private volatile Instant failedAt;

  NewsroomProvider(StaffProperties properties, Clock clock) {
    this.settings = properties.oidc();
    this.clock = clock;
  }

  /** Whether single sign-on is configured at all. */
  public boolean configured() {
    return settings.configured();
  }

  /** The sign-in button's words. */
  public String label() {
    return settings.label();
  }

  /** Whether the provider can be used now: configured, and its discovery document was read. */
  public boolean reachable() {
    return findByRegistrationId(ID) != null;
  }

  /**
   * Starts sign-ins only while the provider answers; otherwise the request goes on to the page that
   * says so, rather than Spring Security's error for an unknown registration.
   */
  OAuth2AuthorizationRequestResolver whenReachable() {
    DefaultOAuth2AuthorizationRequestResolver start =
        new DefaultOAuth2AuthorizationRequestResolver(this, "/oauth2/authorization");
    return new OAuth2AuthorizationRequestResolver() {
      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return reachable() ? start.resolve(request) : null;
      }

      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registration) {
        return reachable() ? start.resolve(request, registration) : null;
      }
    };
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!configured() || !ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    Instant failed = failedAt;
    if (known == null && failed != null && clock.instant().isBefore(failed.plus(RETRY))) {
      return null;
    }
    if (known == null) {
      try {
        known =
            ClientRegistrations.fromIssuerLocation(settings.issuer())
                .registrationId(ID)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope("openid", "email", "profile")
                .build();
        registration = known;
      } catch (RuntimeException unreachable) {
        failedAt = clock.instant();
        log.warn(
            "The sign-in provider {} could not be read: {}",
            settings.issuer(),
            unreachable.getMessage());
        return null;
      }
    }
    return known;
  }
}
