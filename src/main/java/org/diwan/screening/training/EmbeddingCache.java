package org.diwan.screening.training;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.diwan.screening.encoder.Encoder;

/**
 * An {@link Encoder} that remembers: embeddings of texts already seen are read from a file under
 * {@code target/} (one per encoder), keyed by the SHA-256 of the text, and new ones are appended.
 * Retraining and re-evaluating then embed each text once; a clean clone rebuilds the file. A
 * truncated last record (an interrupted run) ends the reading, as does a record of another width.
 * One run at a time holds the file (a second one fails at once rather than interleave its writes).
 *
 * <p>Thread-safe. Call {@link #close()} to flush the appended records.
 */
public final class EmbeddingCache implements Encoder, AutoCloseable {

  private final Encoder encoder;
  private final Map<String, float[]> known = new ConcurrentHashMap<>();
  private final java.nio.channels.FileChannel channel;
  private final DataOutputStream out;
  private int added;

  public EmbeddingCache(Encoder encoder, Path directory) throws IOException {
    this.encoder = encoder;
    Files.createDirectories(directory);
    Path file = directory.resolve(encoder.id() + ".bin");
    if (Files.exists(file)) {
      read(file);
    }
    this.channel =
        java.nio.channels.FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (channel.tryLock() == null) {
      channel.close();
      throw new IOException("embedding cache " + file + " is in use by another run");
    }
    this.out =
        new DataOutputStream(
            new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel)));
  }

  private void read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      int width = -1;
      while (true) {
        byte[] key = new byte[32];
        in.readFully(key);
        int n = in.readShort();
        if (n <= 0 || width >= 0 && n != width) {
          return; // not a record this cache wrote: keep what was read so far
        }
        width = n;
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) {
          v[i] = in.readFloat();
        }
        known.put(HexFormat.of().formatHex(key), v);
      }
    } catch (EOFException e) {
      // end of file, or the truncated record of an interrupted run
    }
  }

  public int size() {
    return known.size();
  }

  /** How many embeddings this run computed (not found in the file). */
  public synchronized int added() {
    return added;
  }

  @Override
  public String id() {
    return encoder.id();
  }

  @Override
  public float[] embed(String text) {
    byte[] key = sha256(text);
    String hex = HexFormat.of().formatHex(key);
    float[] v = known.get(hex);
    if (v != null) {
      return v;
    }
    float[] computed = encoder.embed(text);
    synchronized (this) {
      if (known.putIfAbsent(hex, computed) == null) {
        try {
          out.write(key);
          out.writeShort(computed.length);
          for (float f : computed) {
            out.writeFloat(f);
          }
          added++;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return computed;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
    channel.close();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
