package org.diwan.site;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every page shares, bound from {@code diwan.*}: the site's address, name and time zone, and
 * the limits every request meets.
 *
 * @param baseUrl absolute address for feeds and the sitemap; when set, requests for other hosts are
 *     refused; empty: taken from each request
 * @param siteName the name in the masthead, titles and feed
 * @param timeZone the zone dates are shown in
 * @param defaultEdition the edition {@code /} shows: en, ckb, kmr, ar, fa or tr
 */
@ConfigurationProperties("diwan")
public record SiteProperties(
    @DefaultValue("") String baseUrl,
    @DefaultValue("Diwan") String siteName,
    @DefaultValue("UTC") ZoneId timeZone,
    @DefaultValue("en") String defaultEdition,
    @DefaultValue Limits limits) {

  /**
   * What one request may ask of the site.
   *
   * @param maxRequestBytes larger request bodies are refused with 413
   * @param maxUploadBytes the same for the editor's console and the article API (photos)
   * @param concurrentRequests requests served at once; more get 503 at once
   * @param requestsPerAddress requests one client address may have in progress; 0: no cap
   */
  public record Limits(
      @DefaultValue("65536") long maxRequestBytes,
      @DefaultValue("11534336") long maxUploadBytes,
      @DefaultValue("200") int concurrentRequests,
      @DefaultValue("64") int requestsPerAddress) {}
}
