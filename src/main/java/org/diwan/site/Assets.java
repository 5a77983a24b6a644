package org.diwan.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's own stylesheets and scripts, addressed by their content: {@code url("/css/site.css")}
 * is {@code /css/site.css?v=<hash of the file>}, so a browser may keep it for a year ({@link
 * StaticCaching}) and still fetches a release's changed file at once, under its new address.
 * Templates cannot have beans injected, hence the static access; the files are fixed in the jar, so
 * each hash is computed once.
 */
public final class Assets {

  private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

  private Assets() {}

  /** The address to write in a page for the static file at {@code path} (e.g. "/js/x.js"). */
  public static String url(String path) {
    return path + "?v=" + version(path);
  }

  /** The current version of the file at {@code path}; empty when there is no such file. */
  public static String version(String path) {
    String known = VERSIONS.get(path);
    if (known != null) {
      return known;
    }
    String hash = hash(path);
    // Only files that exist are kept: any path a client asks for arrives here.
    if (!hash.isEmpty()) {
      VERSIONS.put(path, hash);
    }
    return hash;
  }

  private static String hash(String path) {
    if (path.contains("..") || !path.startsWith("/")) {
      return "";
    }
    try (InputStream in = Assets.class.getResourceAsStream("/static" + path)) {
      if (in == null) {
        return "";
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the static file " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
