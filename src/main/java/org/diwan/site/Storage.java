package org.diwan.site;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Storage: the embedded SQLite file by default, PostgreSQL when {@code diwan.db.url} names one.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a committed transaction survives
 * power loss; write transactions are serialised in the JVM (see {@link
 * SerializedTransactionManager}) so concurrent submissions queue instead of failing with
 * SQLITE_BUSY.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiwanProperties.class)
class Storage {

  /** How long a statement waits for SQLite's locks before it fails. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  @Bean(destroyMethod = "close")
  DataDirectoryLock dataDirectoryLock(DiwanProperties properties) {
    return properties.db().isEmbedded()
        ? DataDirectoryLock.acquire(properties.dataDir())
        : DataDirectoryLock.none();
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DiwanProperties properties) {
    DiwanProperties.Db db = properties.db();
    HikariConfig config = new HikariConfig();
    config.setPoolName("diwan");
    config.setMaximumPoolSize(Math.max(2, db.poolSize()));
    if (db.isEmbedded()) {
      try {
        Files.createDirectories(properties.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create the data directory " + properties.dataDir(), e);
      }
      config.setJdbcUrl("jdbc:sqlite:" + properties.dataDir().resolve("diwan.db").toAbsolutePath());
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
      config.addDataSourceProperty("foreign_keys", "true");
      // WalCheckpoints does it on a thread of its own
      config.addDataSourceProperty("wal_autocheckpoint", "0");
      config.addDataSourceProperty("journal_size_limit", String.valueOf(64L << 20));
    } else {
      config.setJdbcUrl(db.url());
      config.setUsername(db.user());
      config.setPassword(db.password());
    }
    return new HikariDataSource(config);
  }

  @Bean
  WalCheckpoints walCheckpoints(DataSource dataSource, JdbcTransactionManager transactions) {
    // PostgreSQL checkpoints by itself; only SQLite's manager serialises the writers
    return new WalCheckpoints(
        dataSource, transactions instanceof SerializedTransactionManager writers ? writers : null);
  }

  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource, DiwanProperties properties) {
    return properties.db().isEmbedded()
        ? new SerializedTransactionManager(dataSource)
        : new JdbcTransactionManager(dataSource);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
