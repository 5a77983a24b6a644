package org.diwan.article.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.diwan.article.Articles;
import org.diwan.article.Photo;
import org.diwan.article.internal.PhotoStore;
import org.diwan.storage.StorageProperties;
import org.springframework.core.io.FileSystemResource;
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
 * Serves article photos from the data directory, with the content type recorded when the photo was
 * stored. Only names the site itself gave (letters, digits, dashes and an image extension) are
 * looked up, so a request can never reach outside the photo directory.
 */
@RestController
class PhotoFiles {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}\\.(jpg|png|webp)");

  private final Articles articles;
  private final Path directory;

  PhotoFiles(Articles articles, StorageProperties storage) {
    this.articles = articles;
    this.directory = PhotoStore.directory(storage.dataDir());
  }

  @GetMapping("/photos/{name}")
  ResponseEntity<Resource> photo(@PathVariable String name) {
    if (!NAME.matcher(name).matches()) {
      throw notFound();
    }
    Photo photo = articles.photo(name).orElseThrow(PhotoFiles::notFound);
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw notFound();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.contentType()))
        .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
        .body(new FileSystemResource(file));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such photo.");
  }
}
