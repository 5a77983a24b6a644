package org.diwan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables the README documents, each read as the property it names, just below
 * the environment itself (so a {@code --property=value} argument still wins, and both win over the
 * defaults). Most would not bind by Spring Boot's relaxed rules ({@code DIWAN_LOGIN_FAILURES} is
 * {@code diwan.limits.login-failures}); all are listed here so the table has one home. The defaults
 * stay with each module's {@code @ConfigurationProperties} record.
 */
public final class EnvironmentVariables implements EnvironmentPostProcessor {

  /** Environment variable → property, in the README's order. */
  static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("DIWAN_DATA_DIR", "diwan.data-dir");
    NAMES.put("DIWAN_DB_URL", "diwan.db.url");
    NAMES.put("DIWAN_DB_USER", "diwan.db.user");
    NAMES.put("DIWAN_DB_PASSWORD", "diwan.db.password");
    NAMES.put("DIWAN_DB_POOL_SIZE", "diwan.db.pool-size");
    NAMES.put("DIWAN_DEMO", "diwan.demo");
    NAMES.put("DIWAN_BASE_URL", "diwan.base-url");
    NAMES.put("DIWAN_SITE_NAME", "diwan.site-name");
    NAMES.put("DIWAN_TIME_ZONE", "diwan.time-zone");
    NAMES.put("DIWAN_ADMIN_EMAIL", "diwan.admin.email");
    NAMES.put("DIWAN_ADMIN_PASSWORD", "diwan.admin.password");
    NAMES.put("DIWAN_COMMENTS_PER_IP_PER_MINUTE", "diwan.limits.comments-per-ip-per-minute");
    NAMES.put("DIWAN_COMMENTS_PER_EMAIL_PER_MINUTE", "diwan.limits.comments-per-email-per-minute");
    NAMES.put("DIWAN_LOGIN_FAILURES", "diwan.limits.login-failures");
    NAMES.put("DIWAN_SESSION_LIFETIME", "diwan.staff.session-lifetime");
    NAMES.put("DIWAN_PASSWORD_LOGIN", "diwan.staff.password-login");
    NAMES.put("DIWAN_OIDC_ISSUER", "diwan.oidc.issuer");
    NAMES.put("DIWAN_OIDC_CLIENT_ID", "diwan.oidc.client-id");
    NAMES.put("DIWAN_OIDC_CLIENT_SECRET", "diwan.oidc.client-secret");
    NAMES.put("DIWAN_OIDC_ROLES_CLAIM", "diwan.oidc.roles-claim");
    NAMES.put("DIWAN_OIDC_LABEL", "diwan.oidc.label");
    NAMES.put("DIWAN_CONCURRENT_REQUESTS", "diwan.limits.concurrent-requests");
    NAMES.put("DIWAN_REQUESTS_PER_ADDRESS", "diwan.limits.requests-per-address");
    NAMES.put("DIWAN_MAX_CONNECTIONS", "server.tomcat.max-connections");
    NAMES.put("DIWAN_TRUSTED_PROXIES", "server.tomcat.remoteip.internal-proxies");
    NAMES.put("DIWAN_KEEP_ERASED_TEXTS", "diwan.privacy.keep-erased-texts");
    NAMES.put("DIWAN_FAST_PATHS", "diwan.fast-paths");
    // issue 22: metrics
    NAMES.put("DIWAN_METRICS_ROLE", "diwan.metrics.role");
    NAMES.put("DIWAN_METRICS_NETWORKS", "diwan.metrics.networks");
    NAMES.put("DIWAN_METRICS_GAUGE_REFRESH", "diwan.metrics.gauge-refresh");
    // issue 21: mail
    NAMES.put("DIWAN_SMTP_HOST", "spring.mail.host");
    NAMES.put("DIWAN_SMTP_PORT", "spring.mail.port");
    NAMES.put("DIWAN_SMTP_USERNAME", "spring.mail.username");
    NAMES.put("DIWAN_SMTP_PASSWORD", "spring.mail.password");
    NAMES.put("DIWAN_SMTP_FROM", "diwan.mail.from");
    NAMES.put("DIWAN_SMTP_STARTTLS", "spring.mail.properties.mail.smtp.starttls.enable");
    // issue 22: webhooks
    NAMES.put("DIWAN_WEBHOOKS_PRIVATE_ADDRESSES", "diwan.webhooks.private-addresses");
    NAMES.put("DIWAN_WEBHOOKS_TIMEOUT", "diwan.webhooks.timeout");
    NAMES.put("DIWAN_WEBHOOKS_THREADS", "diwan.webhooks.threads");
    NAMES.put("PORT", "server.port");
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> set = new LinkedHashMap<>();
    Map<String, Object> variables = environment.getSystemEnvironment();
    NAMES.forEach(
        (variable, property) -> {
          if (variables.get(variable) instanceof String value) {
            set.put(property, value);
          }
        });
    if (!set.isEmpty()) {
      environment
          .getPropertySources()
          .addAfter(
              StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
              new MapPropertySource("diwanEnvironmentVariables", set));
    }
  }
}
