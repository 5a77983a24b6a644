package org.diwan.webhook.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.diwan.webhook.InvalidWebhook;
import org.diwan.webhook.WebhookProperties;
import org.springframework.stereotype.Component;

/**
 * Which addresses the site will call. An admin registers the URL, but the request leaves from the
 * server, inside its network: unless {@code diwan.webhooks.private-addresses} is on, a host that is
 * (or resolves to) a loopback, private, link-local (where clouds serve instance metadata),
 * carrier-grade NAT, unique-local, multicast or unspecified address is refused.
 */
@Component
public class EndpointAddresses {

  static final int MAX_URL = 2000;

  private final boolean privateAllowed;

  EndpointAddresses(WebhookProperties properties) {
    this.privateAllowed = properties.privateAddresses();
  }

  /**
   * The URL as an admin typed it, checked as far as it can be without asking DNS.
   *
   * @throws InvalidWebhook when it is no absolute http(s) URL or names a refused address
   */
  public URI parse(String url) {
    String typed = url == null ? "" : url.strip();
    if (typed.isEmpty() || typed.length() > MAX_URL) {
      throw new InvalidWebhook("Give the endpoint's URL (at most " + MAX_URL + " characters).");
    }
    URI uri;
    try {
      uri = new URI(typed);
    } catch (URISyntaxException e) {
      throw new InvalidWebhook("That is not a URL: " + e.getReason() + ".");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidWebhook("The URL must start with https:// (or http://).");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidWebhook("The URL names no host.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidWebhook("Put no user name or password in the URL: use the signing secret.");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidWebhook("The URL cannot have a #fragment.");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      refuseIfNotAllowed(host, InetAddress.getLoopbackAddress());
    } else if (isLiteral(host)) {
      try {
        refuseIfNotAllowed(host, InetAddress.getByName(bare(host)));
      } catch (UnknownHostException e) {
        throw new InvalidWebhook("The URL's address is not valid.");
      }
    }
    return uri;
  }

  /**
   * Resolves the host as the sender is about to call it and refuses it if any of its addresses is
   * not allowed.
   *
   * @throws InvalidWebhook for a refused address
   * @throws UnknownHostException when DNS does not know the host (worth trying again later)
   */
  void check(URI uri) throws UnknownHostException {
    String host = uri.getHost();
    for (InetAddress address : InetAddress.getAllByName(bare(host))) {
      refuseIfNotAllowed(host, address);
    }
  }

  private void refuseIfNotAllowed(String host, InetAddress address) {
    if (!privateAllowed && !isPublic(address)) {
      throw new InvalidWebhook(
          host
              + " is not a public address. Endpoints inside the server's own network are refused"
              + " unless DIWAN_WEBHOOKS_PRIVATE_ADDRESSES is true.");
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking, 240/4 reserved.
      return first != 0
          && !(first == 100 && second >= 64 && second < 128)
          && !(first == 198 && (second == 18 || second == 19))
          && first < 240;
    }
    // fc00::/7 unique-local; an IPv4 address mapped or embedded in IPv6 is judged as itself.
    if ((b[0] & 0xfe) == 0xfc) {
      return false;
    }
    if (isMapped(b)) {
      try {
        return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return true;
  }

  /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d. */
  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
  }

  private static boolean isLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
