package org.diwan.site;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's absolute address for links that leave the page (feeds, sitemap): {@code
 * diwan.base-url} when set, which is right behind a proxy; otherwise the current request's.
 */
@Component
public class SiteAddress {

  private final String configured;

  SiteAddress(SiteProperties properties) {
    String base = properties.baseUrl();
    this.configured = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
  }

  /** {@code diwan.base-url} when set: the address for links made off any request. */
  public java.util.Optional<String> configured() {
    return java.util.Optional.ofNullable(configured);
  }

  public String base() {
    return configured != null
        ? configured
        : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
  }
}
