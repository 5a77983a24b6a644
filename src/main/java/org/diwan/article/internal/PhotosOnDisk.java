package org.diwan.article.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.diwan.storage.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings in what earlier releases left, at start and before the web server opens: moves the photos
 * kept in {@code DATA_DIR/photos} into the database, so every instance serves them (the files are
 * left where they were), then has {@link PhotoSizes} measure the photos stored without a size.
 */
@Component
class PhotosOnDisk implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PhotosOnDisk.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}\\.(jpg|png|webp)");

  private final Path directory;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PhotoSizes sizes;
  private volatile boolean running;

  PhotosOnDisk(
      StorageProperties storage,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      PhotoSizes sizes) {
    this.directory = PhotoStore.directory(storage.dataDir());
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
    this.sizes = sizes;
  }

  @Override
  public void start() {
    running = true;
    moveIn();
    sizes.measureUnmeasured();
  }

  private void moveIn() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + directory, e);
    }
    int moved = 0;
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      Integer added =
          transactions.execute(
              t ->
                  jdbc.sql(
                          "INSERT INTO photo_file (name, bytes) VALUES (?, ?)"
                              + " ON CONFLICT (name) DO NOTHING")
                      .params(file.getFileName().toString(), bytes)
                      .update());
      moved += added == null ? 0 : added;
    }
    if (moved > 0) {
      log.info("Moved {} photos from {} into the database", moved, directory);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server, with the other start-up work. */
  @Override
  public int getPhase() {
    return 0;
  }
}
