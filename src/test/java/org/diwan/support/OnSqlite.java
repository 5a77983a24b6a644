package org.diwan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/** Runs a test against the whole application on a real SQLite file in a fresh data directory. */
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
@ContextConfiguration(initializers = OnSqlite.FreshDataDirectory.class)
public @interface OnSqlite {

  /** Points {@code diwan.data-dir} at a new temporary directory for each application context. */
  class FreshDataDirectory
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      try {
        Path dir = Files.createTempDirectory("diwan-test-");
        context
            .getEnvironment()
            .getPropertySources()
            .addFirst(
                new MapPropertySource(
                    "sqlite-test", Map.of("diwan.data-dir", dir.toString(), "diwan.db.url", "")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
