package org.diwan;

import java.net.URL;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Diwan: a news site whose reader comments are moderated against published guidelines.
 *
 * <p>{@code java -jar diwan.jar} starts the site; {@code java -jar diwan.jar screening
 * train|evaluate …} runs the screening engine's trainer or evaluator, {@code backup FILE} and
 * {@code restore FILE} copy the SQLite database, and {@code generate …} fills the database with
 * sample data for load tests, all without starting the site.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DiwanApplication {

  public static void main(String[] args) {
    if (Commands.named(args)) {
      System.exit(Commands.run(args));
    }
    if (System.getProperty(AOT_ENABLED) == null && builtAheadOfTime()) {
      System.setProperty(AOT_ENABLED, "true");
    }
    SpringApplication.run(DiwanApplication.class, args);
  }

  private static final String AOT_ENABLED = "spring.aot.enabled";

  /** The time every module reads; tests replace it with a fixed clock where time matters. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Whether this is the packaged jar, whose bean definitions were generated at build time ({@code
   * process-aot} in pom.xml): then start from them, which saves parsing every configuration class.
   * Run from {@code target/classes} (an IDE, the tests) the generated code may be stale, so it is
   * left alone there; {@code -Dspring.aot.enabled=false} switches it off for the jar too.
   */
  static boolean builtAheadOfTime() {
    URL self = DiwanApplication.class.getResource("DiwanApplication.class");
    return self != null
        && self.getProtocol().equals("jar")
        && DiwanApplication.class.getResource(
                "DiwanApplication__ApplicationContextInitializer.class")
            != null;
  }
}
