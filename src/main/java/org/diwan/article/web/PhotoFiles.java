package org.diwan.article.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.regex.Pattern;
import org.diwan.article.Articles;
import org.diwan.article.Photo;
import org.diwan.article.internal.PhotoStore;
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
 * Serves article photos from the database, with the content type recorded when the photo was
 * stored; the most asked-for are kept in memory (a photo never changes under its name). Only names
 * the site itself gave (letters, digits, dashes and an image extension) are looked up.
 */
@RestController
class PhotoFiles {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}\\.(jpg|png|webp)");

  private static final long KEPT_BYTES = 64L << 20;

  private final Articles articles;
  private final PhotoStore store;
  private final Cache<String, byte[]> kept =
      Caffeine.newBuilder()
          .maximumWeight(KEPT_BYTES)
          .weigher((String name, byte[] bytes) -> bytes.length)
          .build();

  PhotoFiles(Articles articles, PhotoStore store) {
    this.articles = articles;
    this.store = store;
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
        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
        .body(new ByteArrayResource(bytes));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such photo.");
  }
}
