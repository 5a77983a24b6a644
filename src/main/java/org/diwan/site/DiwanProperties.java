package org.diwan.site;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The site's own settings, bound from {@code diwan.*} (see application.properties and the README's
 * configuration table).
 */
@ConfigurationProperties("diwan")
public record DiwanProperties(
    Path dataDir, Db db, boolean demo, String baseUrl, String siteName, Limits limits) {

  /** Where the database is: an empty {@code url} means the embedded SQLite file. */
  public record Db(String url, String user, String password, int poolSize) {
    boolean isEmbedded() {
      return url == null || url.isBlank();
    }
  }

  /** Sizes the site refuses to go past. */
  public record Limits(int maxRequestBytes, int maxUploadBytes) {}
}
