package org.diwan.article.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;
import org.diwan.article.Articles;
import org.diwan.article.Photo;
import org.diwan.article.internal.PhotoStore;
import org.diwan.article.internal.PhotoVariants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves article photos from the database: the original at {@code /photos/{name}}, with the content
 * type recorded when the photo was stored, and its smaller WebP copies at {@code
 * /photos/{width}/{name}.webp} for the widths the photo is offered at (any other width is 404). The
 * most asked-for are kept in memory (neither ever changes under its address). Only names the site
 * itself gave (letters, digits, dashes and an image extension) are looked up. A copy that cannot be
 * made from its original is answered with a redirect to the original, which is not cached.
 */
@RestController
class PhotoFiles {

  private static final Logger log = LoggerFactory.getLogger(PhotoFiles.class);

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}\\.(jpg|png|webp)");

  private static final Pattern WIDTH = Pattern.compile("[1-9][0-9]{0,3}");
  private static final String WEBP = ".webp";
  private static final CacheControl FOR_A_MONTH =
      CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

  private static final long KEPT_BYTES = 64L << 20;

  private final Articles articles;
  private final PhotoStore store;
  private final PhotoVariants variants;
  private final Cache<String, byte[]> kept =
      Caffeine.newBuilder()
          .maximumWeight(KEPT_BYTES)
          .weigher((String name, byte[] bytes) -> bytes.length)
          .build();

  PhotoFiles(Articles articles, PhotoStore store, PhotoVariants variants) {
    this.articles = articles;
    this.store = store;
    this.variants = variants;
  }

  @GetMapping("/photos/{name}")
  ResponseEntity<Resource> photo(@PathVariable String name) {
    if (!NAME.matcher(name).matches()) {
      throw notFound();
    }
    Photo photo = articles.photo(name).orElseThrow(PhotoFiles::notFound);
    byte[] bytes = kept.get(name, n -> store.bytes(n).orElse(null));
    if (bytes == null) {
      throw notFound();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.contentType()))
        .cacheControl(FOR_A_MONTH)
        .body(new ByteArrayResource(bytes));
  }

  @GetMapping("/photos/{width}/{file}")
  ResponseEntity<Resource> copy(@PathVariable String width, @PathVariable String file) {
    if (!WIDTH.matcher(width).matches() || !file.endsWith(WEBP)) {
      throw notFound();
    }
    String name = file.substring(0, file.length() - WEBP.length());
    if (!NAME.matcher(name).matches()) {
      throw notFound();
    }
    int w = Integer.parseInt(width);
    Photo photo = articles.photo(name).filter(p -> p.offers(w)).orElseThrow(PhotoFiles::notFound);
    String key = w + "/" + name;
    // Looked up outside the cache's lock: making a copy takes a while, and PhotoVariants already
    // makes it once however many ask.
    byte[] bytes = kept.getIfPresent(key);
    try {
      if (bytes == null) {
        bytes = variants.bytes(photo, w).orElse(null);
        if (bytes != null) {
          kept.put(key, bytes);
        }
      }
    } catch (PhotoVariants.Unavailable e) {
      log.warn("{}", e.getMessage());
      return ResponseEntity.status(HttpStatus.FOUND)
          .location(URI.create(photo.url()))
          .cacheControl(CacheControl.noStore())
          .build();
    }
    if (bytes == null) {
      throw notFound();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/webp"))
        .cacheControl(FOR_A_MONTH)
        .body(new ByteArrayResource(bytes));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such photo.");
  }
}
