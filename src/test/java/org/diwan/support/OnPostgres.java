package org.diwan.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test against the whole application on a real PostgreSQL server, started by the tests
 * ({@link EmbeddedPostgresServer}), in a database of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diwan.demo=false",
      "diwan.limits.comments-per-ip-per-minute=0",
      "diwan.limits.comments-per-email-per-minute=0",
      "diwan.limits.login-failures=0",
      // Off unless a test turns it on: one encoder per context would cost 185 MB each.
      "diwan.second-stage.threads=0"
    })
@ContextConfiguration(initializers = OnPostgres.FreshDatabase.class)
public @interface OnPostgres {

  /** Creates a new database for each application context and points the application at it. */
  class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try {
        String url = EmbeddedPostgresServer.newDatabase();
        context
            .getEnvironment()
            .getPropertySources()
            .addFirst(
                new MapPropertySource(
                    "postgres-test",
                    Map.of(
                        "diwan.db.url",
                        url,
                        "diwan.db.user",
                        EmbeddedPostgresServer.USER,
                        "diwan.db.password",
                        "",
                        "diwan.data-dir",
                        Files.createTempDirectory("diwan-pg-test-").toString())));
      } catch (Exception e) {
        throw new IllegalStateException("Could not prepare a PostgreSQL database", e);
      }
    }
  }
}
