package org.diwan.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Origins in one spelling: lower-case scheme and host, the port only when not the default. */
public final class Origins {

  /** The longest origin or host page address read, in characters. */
  static final int MAX_ORIGIN = 200;

  static final int MAX_URL = 2000;

  private Origins() {}

  /**
   * {@code text} as an origin.
   *
   * @throws InvalidEmbed unless it is http(s)://host[:port] with nothing after it but a slash
   */
  public static String origin(String text) {
    String typed = text == null ? "" : text.strip();
    if (typed.endsWith("/")) {
      typed = typed.substring(0, typed.length() - 1);
    }
    URI uri = parse(typed, MAX_ORIGIN);
    if (uri == null
        || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new InvalidEmbed(
          "An origin is a scheme, a host and perhaps a port, nothing more: for example"
              + " https://news.example or http://localhost:8081.");
    }
    return of(uri);
  }

  /** {@code text} as an origin, or empty when it is none. */
  public static Optional<String> find(String text) {
    try {
      return Optional.of(origin(text));
    } catch (InvalidEmbed notOne) {
      return Optional.empty();
    }
  }

  /**
   * A host page's address without its fragment, when it is an http(s) URL of {@code origin}.
   *
   * @throws InvalidEmbed otherwise
   */
  static String pageOf(String origin, String url) {
    URI uri = parse(url == null ? "" : url.strip(), MAX_URL);
    if (uri == null || !of(uri).equals(origin)) {
      throw new InvalidEmbed(
          "The story's address must be an http or https address on " + origin + " itself.");
    }
    String text = uri.toString();
    int hash = text.indexOf('#');
    return hash < 0 ? text : text.substring(0, hash);
  }

  private static URI parse(String text, int max) {
    if (text.isEmpty() || text.length() > max) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return null;
      }
      return uri;
    } catch (URISyntaxException unreadable) {
      return null;
    }
  }

  private static String of(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean usual =
        port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
  }
}
