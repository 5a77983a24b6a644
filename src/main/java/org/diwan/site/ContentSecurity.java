package org.diwan.site;

/**
 * The site's Content-Security-Policy: its own scripts, styles and images only, and no framing,
 * except the embed's pages, which the one origin they are shown for may frame.
 */
public final class ContentSecurity {

  private static final String OWN_ONLY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none';"
          + " object-src 'none'; frame-ancestors ";

  /** Every page but the embed's: framed by no one. */
  public static final String POLICY = OWN_ONLY + "'none'";

  /** Paths whose pages set their own framing policy (see the embed module). */
  public static final String EMBED_PATHS = "/embed/**";

  private ContentSecurity() {}

  /** The policy of an embed page shown inside {@code origin}'s pages (a checked origin). */
  public static String framedBy(String origin) {
    return OWN_ONLY + origin;
  }
}
