package org.diwan.article.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes the metadata a camera or editing program writes into a photo (where and when it was
 * taken, the device, the author, free text) before the site publishes it. Works on the file's
 * structure and copies the image data untouched, so quality is kept: what is kept is named by an
 * allow-list, and a JPEG ends with its first image, so the further pictures of a multi-picture,
 * Ultra HDR or motion photo, each with metadata of its own, are never published.
 *
 * <p>Kept: what is needed to show the picture as taken: JPEG's JFIF and Adobe segments, ICC colour
 * profiles, and EXIF orientation (rewritten as a minimal EXIF block holding only that tag).
 */
final class PhotoMetadata {

  private PhotoMetadata() {}

  /** The file could not be read as the kind its signature claims. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  static byte[] strip(PhotoStore.Kind kind, byte[] bytes) throws Unreadable {
    try {
      return switch (kind) {
        case JPEG -> jpeg(bytes);
        case PNG -> png(bytes);
        case WEBP -> webp(bytes);
      };
    } catch (IndexOutOfBoundsException e) {
      throw new Unreadable("truncated");
    }
  }

  private static byte[] jpeg(byte[] in) throws Unreadable {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(0xFF);
    out.write(0xD8);
    int at = 2;
    while (true) {
      if ((in[at] & 0xFF) != 0xFF) {
        throw new Unreadable("no JPEG marker at " + at);
      }
      int marker = in[at + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        at++;
        continue;
      }
      if (marker == 0xD9) {
        // The end of the first image: whatever follows (a second picture of a multi-picture or
        // Ultra HDR file with its own metadata, a motion photo's video) is not published.
        out.write(in, at, 2);
        return out.toByteArray();
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
        out.write(in, at, 2);
        at += 2;
        continue;
      }
      if (marker == 0xD8) {
        throw new Unreadable("a second start of image inside the first");
      }
      int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
      if (length < 2 || at + 2 + length > in.length) {
        throw new Unreadable("bad JPEG segment length");
      }
      if (marker == 0xE1) { // APP1: EXIF or XMP; only the orientation survives
        int orientation = exifOrientation(in, at + 4, length - 2);
        if (orientation > 1) {
          byte[] exif = minimalExif(orientation);
          out.write(0xFF);
          out.write(0xE1);
          out.write((exif.length + 2) >> 8);
          out.write((exif.length + 2) & 0xFF);
          out.write(exif, 0, exif.length);
        }
      } else if (keepsJpegSegment(marker, in, at + 4)) {
        out.write(in, at, 2 + length);
      }
      at += 2 + length;
      if (marker == 0xDA) { // start of scan: its image data runs to the next marker
        int end = scanEnd(in, at);
        out.write(in, at, end - at);
        at = end;
      }
    }
  }

  /**
   * What is kept, by an allow-list: the image's structure (frame, tables, scans, restart intervals:
   * every marker below APP0) and what display needs, JFIF, an ICC colour profile and Adobe's colour
   * transform. Every other application segment, the comments and JPEG extensions are metadata.
   */
  private static boolean keepsJpegSegment(int marker, byte[] in, int payload) {
    return switch (marker) {
      case 0xE0 -> startsWith(in, payload, "JFIF\0"); // not JFXX, which carries a thumbnail
      case 0xE2 -> startsWith(in, payload, "ICC_PROFILE\0"); // not MPF, the index of more images
      case 0xEE -> startsWith(in, payload, "Adobe");
      default -> marker < 0xE0;
    };
  }

  /** Where a scan's entropy-coded data ends: at the first marker that is no stuffing or restart. */
  private static int scanEnd(byte[] in, int at) throws Unreadable {
    for (int i = at; i + 1 < in.length; i++) {
      if ((in[i] & 0xFF) == 0xFF) {
        int next = in[i + 1] & 0xFF;
        if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
          return i;
        }
      }
    }
    throw new Unreadable("the image data has no end");
  }

  /**
   * The EXIF orientation (1–8) of a JPEG this class has stripped, 1 when it has none: how the
   * picture must be turned to be seen as taken.
   */
  static int orientation(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
        at += marker == 0xFF ? 1 : 2;
        continue;
      }
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      if (marker == 0xE1 && at + 2 + length <= jpeg.length) {
        int found = exifOrientation(jpeg, at + 4, length - 2);
        return found == 0 ? 1 : found;
      }
      at += 2 + length;
    }
    return 1;
  }

  /** The EXIF orientation (1–8) in an APP1 payload, or 0 when there is none or it is unreadable. */
  private static int exifOrientation(byte[] in, int start, int length) {
    if (length < 14 || !startsWith(in, start, "Exif\0\0")) {
      return 0;
    }
    int tiff = start + 6;
    int end = start + length;
    ByteOrder order;
    if (in[tiff] == 'I' && in[tiff + 1] == 'I') {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (in[tiff] == 'M' && in[tiff + 1] == 'M') {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      return 0;
    }
    ByteBuffer b = ByteBuffer.wrap(in, 0, end).order(order);
    long ifd = b.getInt(tiff + 4) & 0xFFFFFFFFL;
    if (ifd < 8 || tiff + ifd + 2 > end) {
      return 0;
    }
    int entries = b.getShort((int) (tiff + ifd)) & 0xFFFF;
    for (int i = 0; i < entries; i++) {
      int entry = (int) (tiff + ifd + 2 + 12L * i);
      if (entry + 12 > end) {
        return 0;
      }
      if ((b.getShort(entry) & 0xFFFF) == 0x0112 && (b.getShort(entry + 2) & 0xFFFF) == 3) {
        int value = b.getShort(entry + 8) & 0xFFFF;
        return value >= 1 && value <= 8 ? value : 0;
      }
    }
    return 0;
  }

  /** "Exif\0\0" and a big-endian TIFF block whose one directory holds only the orientation. */
  private static byte[] minimalExif(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
    b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  private static byte[] png(byte[] in) throws Unreadable {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 8);
    int at = 8;
    while (at < in.length) {
      long length = ByteBuffer.wrap(in, at, 4).getInt() & 0xFFFFFFFFL;
      if (at + 12 + length > in.length) {
        throw new Unreadable("bad PNG chunk length");
      }
      String type = new String(in, at + 4, 4, StandardCharsets.ISO_8859_1);
      int size = (int) (12 + length);
      if (PNG_KEPT.contains(type)) {
        out.write(in, at, size);
      }
      at += size;
      if (type.equals("IEND")) {
        return out.toByteArray();
      }
    }
    throw new Unreadable("no PNG end chunk");
  }

  /**
   * PNG chunks kept, by an allow-list: the image itself, transparency, colour and pixel-size
   * information, and animation frames. Text, time, EXIF and any chunk not named here are dropped.
   */
  private static final Set<String> PNG_KEPT =
      Set.of(
          "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD",
          "pHYs", "cICP", "acTL", "fcTL", "fdAT");

  /** WebP chunks kept: the image, its alpha, animation, the extended header and colour profile. */
  private static final Set<String> WEBP_KEPT =
      Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");

  private static byte[] webp(byte[] in) throws Unreadable {
    ByteBuffer header = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
    long riffSize = header.getInt(4) & 0xFFFFFFFFL;
    int end = (int) Math.min(in.length, 8 + riffSize);
    ByteArrayOutputStream chunks = new ByteArrayOutputStream(in.length);
    int pictures = 0;
    int at = 12;
    while (at + 8 <= end) {
      String type = new String(in, at, 4, StandardCharsets.ISO_8859_1);
      long length = header.getInt(at + 4) & 0xFFFFFFFFL;
      long padded = 8 + length + (length & 1);
      if (at + 8 + length > end) {
        throw new Unreadable("bad WebP chunk length");
      }
      int size = (int) Math.min(padded, end - at);
      if (type.equals("VP8X")) {
        byte[] copy = Arrays.copyOfRange(in, at, at + size);
        copy[8] &= (byte) ~0x0C; // clear the EXIF (0x08) and XMP (0x04) flags
        chunks.write(copy, 0, copy.length);
      } else if (WEBP_KEPT.contains(type)) {
        chunks.write(in, at, size);
        boolean picture = type.equals("VP8 ") || type.equals("VP8L") || type.equals("ANMF");
        pictures += picture && length > 0 ? 1 : 0;
      }
      at += size;
    }
    if (pictures == 0) {
      throw new Unreadable("a WebP file without a picture");
    }
    byte[] body = chunks.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(in, 0, 4).putInt(4 + body.length).put(in, 8, 4).put(body);
    return out.array();
  }

  private static boolean startsWith(byte[] in, int at, String ascii) {
    byte[] prefix = ascii.getBytes(StandardCharsets.ISO_8859_1);
    if (at + prefix.length > in.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
