package org.diwan.article.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.diwan.article.InvalidArticle;
import org.diwan.article.Photo;
import org.diwan.article.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores uploaded photos in the database, where every instance of the site reads them. The type is
 * decided from the file's own first bytes (JPEG, PNG or WebP), never from its name or the declared
 * type, and the stored name is made here, so an upload can neither pose as another type nor choose
 * where it lands. What the camera recorded about where, when and with what the photo was taken is
 * removed first ({@link PhotoMetadata}), and the picture is checked to decode and to be of a
 * sensible size ({@link PhotoPixels}).
 */
@Component
public class PhotoStore {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  PhotoStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Where releases before the database kept the photos of a site with data directory {@code
   * dataDir}.
   */
  static Path directory(Path dataDir) {
    return dataDir.resolve("photos");
  }

  /** The stored bytes of the photo named {@code name}, if there is one. */
  public Optional<byte[]> bytes(String name) {
    return jdbc.sql("SELECT bytes FROM photo_file WHERE name = ?")
        .param(name)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  /** An image kind the site accepts, by its signature. */
  enum Kind {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    final String contentType;
    final String extension;

    Kind(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    static Kind sniff(byte[] b) {
      if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
        return JPEG;
      }
      if (b.length > 8
          && (b[0] & 0xFF) == 0x89
          && b[1] == 'P'
          && b[2] == 'N'
          && b[3] == 'G'
          && b[4] == 0x0D
          && b[5] == 0x0A) {
        return PNG;
      }
      if (b.length > 12
          && b[0] == 'R'
          && b[1] == 'I'
          && b[2] == 'F'
          && b[3] == 'F'
          && b[8] == 'W'
          && b[9] == 'E'
          && b[10] == 'B'
          && b[11] == 'P') {
        return WEBP;
      }
      return null;
    }
  }

  /**
   * @throws InvalidArticle naming the {@code photo} field if the bytes are no JPEG, PNG or WebP
   *     image, are empty, or are over 10 MB
   */
  public Photo store(String slug, byte[] bytes, String caption, String credit) {
    if (bytes.length == 0) {
      throw InvalidArticle.of("photo", "Choose a photo to upload.");
    }
    if (bytes.length > MAX_BYTES) {
      throw InvalidArticle.of("photo", "Photos can be at most 10 MB.");
    }
    Kind kind = Kind.sniff(bytes);
    if (kind == null) {
      throw InvalidArticle.of("photo", "Only JPEG, PNG and WebP photos can be uploaded.");
    }
    byte[] published;
    PhotoPixels.Size size;
    try {
      published = PhotoMetadata.strip(kind, bytes);
      size = PhotoPixels.check(kind, published);
    } catch (PhotoMetadata.Unreadable e) {
      throw InvalidArticle.of(
          "photo", "This photo's file is damaged or incomplete. Export it again and upload that.");
    } catch (PhotoPixels.TooLarge e) {
      throw InvalidArticle.of(
          "photo",
          String.format(
              "This photo is %s pixels. Photos can be at most %,d pixels a side and %,d"
                  + " megapixels; export a smaller one.",
              e.getMessage(), PhotoPixels.MAX_SIDE, PhotoPixels.MAX_PIXELS / 1_000_000));
    }
    String clean = ArticleText.oneLine(caption);
    if (clean.isEmpty() || clean.length() > 500 || !ArticleText.storable(clean)) {
      throw InvalidArticle.of("caption", "Give the photo a caption of at most 500 characters.");
    }
    String creditLine = ArticleText.oneLine(credit);
    if (creditLine.length() > 200 || !ArticleText.storable(creditLine)) {
      throw InvalidArticle.of("credit", "The credit can be at most 200 characters.");
    }
    String base = Tag.Slugs.of(slug).replaceAll("[^a-z0-9-]", "");
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    String name =
        (base.isEmpty() ? "photo" : base.substring(0, Math.min(40, base.length())))
            + "-"
            + HexFormat.of().formatHex(random)
            + "."
            + kind.extension;
    jdbc.sql("INSERT INTO photo_file (name, bytes) VALUES (?, ?)").params(name, published).update();
    return new Photo(name, kind.contentType, clean, creditLine, size.width(), size.height());
  }
}
