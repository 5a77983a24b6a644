package org.diwan.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The running site's hold on its SQLite data directory: a lock on {@code diwan.lock} there, taken
 * at start and let go at shutdown (or by the operating system when the process dies). {@code
 * restore} refuses to overwrite a database the site is using, and a second site cannot start on the
 * same directory.
 */
public final class DataDirectoryLock implements AutoCloseable {

  static final String FILE = "diwan.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** For a site whose data is not in the directory (PostgreSQL): holds nothing. */
  static DataDirectoryLock none() {
    return new DataDirectoryLock(null, null);
  }

  /**
   * @throws IllegalStateException when another process, or this one, holds the directory
   */
  public static DataDirectoryLock acquire(Path directory) {
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(
              directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "Another Diwan is running on the data directory " + directory.toAbsolutePath());
      }
      return new DataDirectoryLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the data directory " + directory, e);
    }
  }

  /** Whether a running site holds {@code directory} now. */
  public static boolean held(Path directory) {
    if (!Files.exists(directory.resolve(FILE))) {
      return false;
    }
    try (DataDirectoryLock probe = acquire(directory)) {
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very process
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // The process is stopping; the operating system lets the lock go anyway.
    }
  }
}
