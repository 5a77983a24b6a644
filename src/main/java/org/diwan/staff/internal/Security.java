package org.diwan.staff.internal;

import org.diwan.site.ContentSecurity;
import org.diwan.site.ProblemResponses;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.MetricsAccess;
import org.diwan.staff.Role;
import org.diwan.staff.StaffProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, for every page and endpoint. Three filter chains:
 *
 * <ul>
 *   <li>{@code /actuator/prometheus}: like the API, for the scrape role or networks only.
 *   <li>{@code /api/**}: stateless; staff calls authenticate with {@code Authorization: Bearer
 *       <key>} (an API key) or HTTP Basic (a staff email and password); failures are problem+json.
 *       No cookies are read, so no CSRF token is needed.
 *   <li>everything else: readers are anonymous and never get a session (the comment form's CSRF
 *       token travels in a cookie); staff log in with a form, or through the newsroom's OpenID
 *       Connect provider ({@link SignOn}), and get a session whose id changes at login, and their
 *       forms' CSRF tokens are kept in it ({@link SessionBoundCsrfTokens}).
 * </ul>
 *
 * With {@code diwan.staff.password-login} off, neither the form nor HTTP Basic accepts a password
 * (API keys still work), and the provider must be configured.
 */
@Configuration(proxyBeanMethods = false)
class Security {

  static final String CONTENT_SECURITY_POLICY = ContentSecurity.POLICY;

  /** Every page but the embed's, which says itself who may frame it. */
  private static final RequestMatcher NOT_EMBED =
      new NegatedRequestMatcher(
          new OrRequestMatcher(
              PathPatternRequestMatcher.withDefaults().matcher("/embed"),
              PathPatternRequestMatcher.withDefaults().matcher(ContentSecurity.EMBED_PATHS)));

  /**
   * No tracing spans or timers around each security filter: with Actuator present every request
   * otherwise opened and closed an observation per filter (about a dozen), which cost more CPU than
   * the filters' own work.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * {@code /actuator/prometheus}: only for the scrape role or networks ({@link MetricsAccess}),
   * authenticated as on the API, and refused in words that name the setting to change.
   */
  @Bean
  @Order(0)
  SecurityFilterChain metrics(
      HttpSecurity http,
      ApiKeys keys,
      LoginThrottle throttle,
      ProblemResponses responses,
      MetricsAccess access,
      StaffProperties properties)
      throws Exception {
    AccessProblems problems =
        new AccessProblems(
            responses,
            "metrics",
            "The metrics are for the scrape role ("
                + access.role()
                + ") or the networks in DIWAN_METRICS_NETWORKS only. Send an API key of that role"
                + " as 'Authorization: Bearer <key>', or scrape from a listed network.",
            "Scraping the metrics needs the role "
                + access.role()
                + " (DIWAN_METRICS_ROLE); this key or account does not have it.");
    http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
        .authorizeHttpRequests(
            requests -> requests.anyRequest().access(new ScrapeAuthorization(access)));
    return stateless(http, keys, throttle, problems, properties).build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiKeys keys,
      LoginThrottle throttle,
      ProblemResponses responses,
      StaffProperties properties)
      throws Exception {
    AccessProblems problems = new AccessProblems(responses);
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/api/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/api/moderation/**")
                    .hasRole(Role.MODERATOR.name())
                    .requestMatchers("/api/screen")
                    .hasAnyRole(Role.MODERATOR.name(), Role.ADMIN.name())
                    .requestMatchers(HttpMethod.POST, "/api/articles")
                    .hasRole(Role.EDITOR.name())
                    .requestMatchers(HttpMethod.PUT, "/api/articles/*")
                    .hasRole(Role.EDITOR.name())
                    .anyRequest()
                    .permitAll());
    return stateless(http, keys, throttle, problems, properties).build();
  }

  /**
   * What the API and the metrics share: no session, no CSRF, a key or HTTP Basic (unless passwords
   * are switched off), throttled.
   */
  private static HttpSecurity stateless(
      HttpSecurity http,
      ApiKeys keys,
      LoginThrottle throttle,
      AccessProblems problems,
      StaffProperties properties)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .addFilterBefore(throttle.filter(problems), BasicAuthenticationFilter.class)
        .addFilterBefore(new ApiKeyFilter(keys, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(PasswordChangeGate.api(problems), BasicAuthenticationFilter.class)
        .httpBasic(
            basic -> {
              if (properties.staff().passwordLogin()) {
                basic.authenticationEntryPoint(problems);
              } else {
                basic.disable();
              }
            })
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .headers(Security::headers)
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
  }

  @Bean
  @Order(2)
  SecurityFilterChain site(
      HttpSecurity http,
      LoginThrottle throttle,
      StaffSessions staffSessions,
      ProblemResponses responses,
      StaffProperties properties,
      NewsroomProvider provider,
      SignOn signOn)
      throws Exception {
    if (!properties.staff().passwordLogin() && !provider.configured()) {
      throw new IllegalStateException(
          "DIWAN_PASSWORD_LOGIN=false leaves no way to sign in: set DIWAN_OIDC_ISSUER too.");
    }
    HttpSessionRequestCache staffPages = new HttpSessionRequestCache();
    staffPages.setRequestMatcher(
        PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.GET, "/{area:moderation|editor|admin|staff|account}/**"));
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/moderation", "/moderation/**")
                    .hasRole(Role.MODERATOR.name())
                    .requestMatchers("/editor", "/editor/**")
                    .hasRole(Role.EDITOR.name())
                    .requestMatchers("/admin", "/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/staff", "/account/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(new SessionBoundCsrfTokens())
                    .csrfTokenRequestHandler(new MaskedTokens()))
        .formLogin(
            form -> {
              if (properties.staff().passwordLogin()) {
                form.loginPage("/login")
                    .successHandler(staffSessions.successHandler(staffPages, throttle))
                    .failureUrl("/login?error")
                    .permitAll();
              } else {
                form.disable();
              }
            })
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?out"))
        .requestCache(cache -> cache.requestCache(staffPages))
        .sessionManagement(
            sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(Security::headers)
        .exceptionHandling(errors -> errors.accessDeniedHandler(new RoleDenied()))
        .addFilterAfter(staffSessions.filter(), SecurityContextHolderFilter.class)
        .addFilterBefore(
            throttle.filter(new AccessProblems(responses)),
            UsernamePasswordAuthenticationFilter.class)
        .httpBasic(basic -> basic.disable());
    if (provider.configured()) {
      http.oauth2Login(
          sso ->
              sso.loginPage("/login")
                  .clientRegistrationRepository(provider)
                  .authorizationEndpoint(
                      start -> start.authorizationRequestResolver(provider.whenReachable()))
                  .userInfoEndpoint(info -> info.oidcUserService(signOn))
                  .successHandler(staffSessions.successHandler(staffPages, throttle))
                  .failureHandler(signOn.failureHandler()));
    }
    return http.build();
  }

  private static void headers(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .frameOptions(frames -> frames.disable())
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                NOT_EMBED,
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                NOT_EMBED, new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .httpStrictTransportSecurity(Customizer.withDefaults());
  }
}
