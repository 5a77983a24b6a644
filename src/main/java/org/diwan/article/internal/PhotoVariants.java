package org.diwan.article.internal;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.diwan.article.Photo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Smaller WebP copies of stored photos, at the widths {@link Photo#widths()} offers. All of a
 * photo's copies are made together the first time one is asked for, from one decoding of the
 * original, and stored, so each is made once per site: an instance that finds the copies stored
 * reads them, two requests on one instance wait for the same making, and two instances making them
 * at once both store with an insert that keeps whichever came first. A copy is downscaled by
 * Thumbnailator, turned upright by the original's EXIF orientation, and written by libwebp (lossy,
 * quality 0.8) with no metadata at all. At most two photos are decoded at once per instance, so a
 * burst of first requests for large photos costs a bounded amount of memory. Thread-safe.
 */
@Component
public class PhotoVariants {

  static final float QUALITY = 0.8f;

  private final JdbcClient jdbc;
  private final PhotoStore store;
  private final TransactionTemplate transactions;
  private final ConcurrentMap<String, CompletableFuture<Map<Integer, byte[]>>> making =
      new ConcurrentHashMap<>();
  private final Semaphore decoding = new Semaphore(2, true);

  PhotoVariants(JdbcClient jdbc, PhotoStore store, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.store = store;
    this.transactions = new TransactionTemplate(transactions);
  }

  /** The copy could not be made: the original does not decode with the site's readers. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String name, Throwable cause) {
      super("No smaller copies of " + name + ": " + cause.getMessage(), cause);
    }
  }

  /**
   * The WebP copy of {@code photo} asked for by {@code width}, made and stored first if it is not
   * stored yet; empty if the photo is not offered at that width or its original is gone.
   *
   * @throws Unavailable if the original does not decode into a picture the writer takes
   */
  public Optional<byte[]> bytes(Photo photo, int width) {
    if (!photo.offers(width)) {
      return Optional.empty();
    }
    Optional<byte[]> stored = stored(photo.fileName(), width);
    if (stored.isPresent()) {
      return stored;
    }
    CompletableFuture<Map<Integer, byte[]>> mine = new CompletableFuture<>();
    CompletableFuture<Map<Integer, byte[]>> running = making.putIfAbsent(photo.fileName(), mine);
    if (running != null) {
      return Optional.ofNullable(joined(running).get(width));
    }
    try {
      Map<Integer, byte[]> made = makeAndStore(photo);
      mine.complete(made);
      return Optional.ofNullable(made.get(width));
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      making.remove(photo.fileName(), mine);
    }
  }

  private static Map<Integer, byte[]> joined(CompletableFuture<Map<Integer, byte[]>> running) {
    try {
      return running.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private Optional<byte[]> stored(String name, int width) {
    return jdbc.sql("SELECT bytes FROM photo_variant WHERE name = ? AND width = ?")
        .params(name, width)
        .query((rs, row) -> rs.getBytes(1))
        .optional();
  }

  private Map<Integer, byte[]> makeAndStore(Photo photo) {
    // Another request may have stored them between this one's look and its turn.
    Map<Integer, byte[]> made = new LinkedHashMap<>();
    for (int width : photo.widths()) {
      stored(photo.fileName(), width).ifPresent(bytes -> made.put(width, bytes));
    }
    if (made.size() == photo.widths().size()) {
      return made;
    }
    Optional<byte[]> original = store.bytes(photo.fileName());
    if (original.isEmpty()) {
      return Map.of();
    }
    Map<Integer, byte[]> copies = make(photo, original.get());
    transactions.executeWithoutResult(
        t ->
            copies.forEach(
                (width, bytes) ->
                    jdbc.sql(
                            "INSERT INTO photo_variant (name, width, bytes) VALUES (?, ?, ?)"
                                + " ON CONFLICT (name, width) DO NOTHING")
                        .params(photo.fileName(), width, bytes)
                        .update()));
    return copies;
  }

  /**
   * Makes every copy {@code photo} is offered at from its stored {@code original}, widest first.
   */
  Map<Integer, byte[]> make(Photo photo, byte[] original) {
    decoding.acquireUninterruptibly();
    try {
      BufferedImage picture = upright(decode(photo.fileName(), original), original);
      Map<Integer, byte[]> copies = new LinkedHashMap<>();
      List<Integer> widths = photo.widths();
      // Each copy is scaled from the next wider one: quicker than from the original, and as sharp,
      // since Thumbnailator scales down in halving steps either way.
      BufferedImage from = picture;
      for (int i = widths.size() - 1; i >= 0; i--) {
        int width = widths.get(i);
        BufferedImage copy = scaled(from, photo.pixelWidth(width), photo.pixelHeight(width));
        copies.put(width, webp(copy));
        from = copy;
      }
      return copies;
    } catch (IOException | RuntimeException e) {
      throw new Unavailable(photo.fileName(), e);
    } finally {
      decoding.release();
    }
  }

  private static BufferedImage decode(String name, byte[] bytes) throws IOException {
    PhotoStore.Kind kind = PhotoStore.Kind.sniff(bytes);
    if (kind == null) {
      throw new IOException("not a JPEG, PNG or WebP file");
    }
    ImageReader reader = PhotoPixels.reader(kind);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }

  /** The picture turned as its EXIF orientation says (JPEG keeps only that of its EXIF). */
  private static BufferedImage upright(BufferedImage picture, byte[] original) {
    if (PhotoStore.Kind.sniff(original) != PhotoStore.Kind.JPEG) {
      return picture;
    }
    int orientation = PhotoMetadata.orientation(original);
    if (orientation <= 1) {
      return picture;
    }
    return ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation)).apply(picture);
  }

  private static BufferedImage scaled(BufferedImage from, int width, int height)
      throws IOException {
    int type =
        from.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (from.getWidth() == width && from.getHeight() == height && from.getType() == type) {
      return from;
    }
    return Thumbnails.of(from).forceSize(width, height).imageType(type).asBufferedImage();
  }

  private static byte[] webp(BufferedImage picture) throws IOException {
    ImageWriter writer = new WebPImageWriterSpi().createWriterInstance();
    try {
      WebPWriteParam param = new WebPWriteParam(writer.getLocale());
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
      param.setCompressionQuality(QUALITY);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        // No metadata is passed, so the file holds the picture alone.
        writer.write(null, new IIOImage(picture, null, null), param);
      }
      return bytes.toByteArray();
    } finally {
      writer.dispose();
    }
  }
}
