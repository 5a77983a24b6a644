package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.diwan.site.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Validators for the public pages that are the same for every reader (front pages, topics,
 * sections, search, feeds, the sitemap): a successful GET carries a weak ETag, a hash of its body
 * ({@link ShallowEtagHeaderFilter}), and {@code Cache-Control: no-cache}, so a browser or proxy
 * asks again every time and gets a 304 with no body while the page is unchanged. A hash of the body
 * is the validator because these pages are rendered on every request anyway and their bodies are
 * stable (no token, nothing per reader); it is the same on every instance of the site, where
 * generation counters are each instance's own. The article page, which carries a reader's token and
 * comes from a cache of renders, sets its own validator and is not listed here.
 *
 * <p>Anything else keeps Spring Security's {@code no-store}: staff pages, the private status pages,
 * the API, posts, redirects and errors. HEAD answers get {@code no-cache} without an ETag (their
 * body is never written, so there is nothing to hash).
 */
@Component
class PublicPageCaching extends OncePerRequestFilter {

  private static final String EDITION =
      Texts.editions().stream().map(Texts::lang).collect(Collectors.joining("|", "{e:", "}"));

  /** The pages, as Spring MVC's path patterns; an edition's code is one of Diwan's. */
  private static final List<PathPattern> PAGES =
      List.of(
              "/",
              "/" + EDITION,
              "/" + EDITION + "/",
              "/tags/{slug}",
              "/" + EDITION + "/tags/{slug}",
              "/" + EDITION + "/sections/{slug}",
              "/search",
              "/" + EDITION + "/search",
              "/feed.atom",
              "/" + EDITION + "/feed.atom",
              "/sitemap.xml")
          .stream()
          .map(PathPatternParser.defaultInstance::parse)
          .toList();

  private final ShallowEtagHeaderFilter bodies = new ShallowEtagHeaderFilter();

  PublicPageCaching() {
    bodies.setWriteWeakETag(true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return true;
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    return PAGES.stream().noneMatch(page -> page.matches(path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The body is held until the page is done, so the headers can still be set then, for a 200
    // only; the ETag filter then hashes it and answers a matching If-None-Match.
    bodies.doFilter(
        request,
        response,
        (req, res) -> {
          chain.doFilter(req, res);
          HttpServletResponse page = (HttpServletResponse) res;
          if (page.getStatus() == HttpStatus.OK.value()
              && page.getHeader(HttpHeaders.CACHE_CONTROL) == null) {
            page.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            // Said here so a 304 says it too; the server adds it only to what it compresses.
            page.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
          }
        });
  }
}
