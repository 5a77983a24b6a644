package org.diwan.storage.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.diwan.storage.Deployment;
import org.diwan.storage.OneAtATime;
import org.diwan.storage.StorageProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.util.StringUtils;

/**
 * Storage: the embedded SQLite file by default, the database {@code spring.datasource.url} names
 * otherwise (PostgreSQL), pooled by Hikari with {@code spring.datasource.hikari.*}.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so a committed transaction survives
 * power loss; write transactions are serialised in the JVM (see {@link
 * SerializedTransactionManager}) so concurrent submissions queue instead of failing with
 * SQLITE_BUSY.
 */
@Configuration(proxyBeanMethods = false)
class Storage {

  /** How long a statement waits for SQLite's locks before it fails. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  /** Whether the site runs on the embedded SQLite file: no database URL is configured. */
  static boolean embedded(DataSourceProperties database) {
    return !StringUtils.hasText(database.getUrl());
  }

  @Bean(destroyMethod = "close")
  DataDirectoryLock dataDirectoryLock(StorageProperties storage, DataSourceProperties database) {
    return embedded(database)
        ? DataDirectoryLock.acquire(storage.dataDir())
        : DataDirectoryLock.none();
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      StorageProperties storage, DataSourceProperties database, Environment environment) {
    HikariConfig config = new HikariConfig();
    Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
    config.setPoolName("diwan");
    config.setMaximumPoolSize(Math.max(2, config.getMaximumPoolSize()));
    if (embedded(database)) {
      return new HikariDataSource(sqlite(config, storage.dataDir()));
    }
    config.setJdbcUrl(database.getUrl());
    config.setUsername(database.getUsername());
    config.setPassword(database.getPassword());
    return new HikariDataSource(config);
  }

  /** {@code config} pointed at {@code diwan.db} in {@code dataDir}, with the settings it needs. */
  static HikariConfig sqlite(HikariConfig config, Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
    }
    config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("diwan.db").toAbsolutePath());
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "FULL");
    config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
    config.addDataSourceProperty("foreign_keys", "true");
    // WalCheckpoints does it on a thread of its own
    config.addDataSourceProperty("wal_autocheckpoint", "0");
    config.addDataSourceProperty("journal_size_limit", String.valueOf(64L << 20));
    return config;
  }

  @Bean
  WalCheckpoints walCheckpoints(DataSource dataSource, JdbcTransactionManager transactions) {
    // PostgreSQL checkpoints by itself; only SQLite's manager serialises the writers
    return new WalCheckpoints(
        dataSource, transactions instanceof SerializedTransactionManager writers ? writers : null);
  }

  @Bean
  Deployment deployment(DataSourceProperties database) {
    return new Deployment(!embedded(database));
  }

  @Bean
  OneAtATime oneAtATime(DataSource dataSource, DataSourceProperties database) {
    return embedded(database) ? (name, work) -> work.run() : new AdvisoryLocks(dataSource);
  }

  @Bean
  Generations changeFeed(JdbcClient jdbc, DataSourceProperties database) {
    return new Generations(jdbc, !embedded(database));
  }

  /** Other instances' changes, heard on PostgreSQL; on SQLite there are none. */
  @Bean
  SmartLifecycle changeChannel(
      Generations feed, DataSourceProperties database, Environment environment) {
    return embedded(database)
        ? new Idle()
        : new ChangeChannel(
            feed,
            database.getUrl(),
            database.getUsername(),
            database.getPassword(),
            environment.getProperty("spring.application.name", "diwan"));
  }

  /** A lifecycle that does nothing: beans are chosen at run time, after AOT fixed the set. */
  static final class Idle implements SmartLifecycle {
    private volatile boolean running;

    @Override
    public void start() {
      running = true;
    }

    @Override
    public void stop() {
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }

  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource, DataSourceProperties database) {
    return embedded(database)
        ? new SerializedTransactionManager(dataSource)
        : new JdbcTransactionManager(dataSource);
  }
}
