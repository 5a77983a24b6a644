package org.diwan.article.internal;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks that an upload is a picture a browser can show and of a sensible size, before it is
 * stored: its dimensions are read from its header and refused past {@link #MAX_SIDE} pixels a side
 * or {@link #MAX_PIXELS} in all (a 50,000 × 50,000 PNG compresses to little and would cost every
 * reader's browser gigabytes), then all of its image data is decoded, into a thumbnail-sized raster
 * so that a large photo costs little memory, and a file that does not decode is refused. JPEG and
 * PNG are read by the JDK, WebP by TwelveMonkeys' ImageIO reader.
 */
final class PhotoPixels {

  static final int MAX_SIDE = 12_000;
  static final long MAX_PIXELS = 50_000_000L;
  private static final double DECODED_PIXELS = 1_000_000;

  private PhotoPixels() {}

  /** Too many pixels: the width and height found. */
  static final class TooLarge extends Exception {
    TooLarge(int width, int height) {
      super(width + " × " + height);
    }
  }

  /** A picture's size in pixels as it is seen: a JPEG turned by its EXIF orientation. */
  record Size(int width, int height) {}

  /**
   * @return the picture's size as seen, which is what its smaller copies and the page's {@code
   *     width} and {@code height} attributes follow
   */
  static Size check(PhotoStore.Kind kind, byte[] bytes) throws TooLarge, PhotoMetadata.Unreadable {
    ImageReader reader = reader(kind);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw new PhotoMetadata.Unreadable("no pixels");
      }
      if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
        throw new TooLarge(width, height);
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
      param.setSourceSubsampling(step, step, 0, 0);
      // A raster needs no colour conversion, so a CMYK JPEG is decoded as well as an RGB one.
      if (reader.canReadRaster()) {
        reader.readRaster(0, param);
      } else {
        reader.read(0, param);
      }
      return seen(kind, bytes, width, height);
    } catch (IOException | RuntimeException e) {
      throw new PhotoMetadata.Unreadable("does not decode: " + e.getMessage());
    } finally {
      reader.dispose();
    }
  }

  /** The size of a stored picture as seen, read from its header alone. */
  static Size measure(PhotoStore.Kind kind, byte[] bytes) throws PhotoMetadata.Unreadable {
    ImageReader reader = reader(kind);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return seen(kind, bytes, reader.getWidth(0), reader.getHeight(0));
    } catch (IOException | RuntimeException e) {
      throw new PhotoMetadata.Unreadable("no size: " + e.getMessage());
    } finally {
      reader.dispose();
    }
  }

  private static Size seen(PhotoStore.Kind kind, byte[] bytes, int width, int height) {
    // Orientations 5 to 8 turn the picture a quarter, so it is seen as wide as it is stored high.
    boolean turned = kind == PhotoStore.Kind.JPEG && PhotoMetadata.orientation(bytes) >= 5;
    return turned ? new Size(height, width) : new Size(width, height);
  }

  static ImageReader reader(PhotoStore.Kind kind) {
    try {
      return switch (kind) {
        case JPEG -> ImageIO.getImageReadersByFormatName("jpeg").next();
        case PNG -> ImageIO.getImageReadersByFormatName("png").next();
        // Made directly rather than found through ImageIO's registry, which depends on the class
        // loader of whichever thread used ImageIO first.
        case WEBP -> new WebPImageReaderSpi().createReaderInstance();
      };
    } catch (IOException e) {
      throw new IllegalStateException("No reader for " + kind, e);
    }
  }
}
