package org.diwan.article;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos for tests, made with ImageIO: a camera-sized JPEG with shapes, gradients and sensor-like
 * noise (so it compresses about as a photo does), carrying the metadata a phone writes.
 */
public final class PhotoFixtures {

  private PhotoFixtures() {}

  /** A JPEG of {@code width} × {@code height} at quality 0.9, with no metadata. */
  public static byte[] jpeg(int width, int height) {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(
        new GradientPaint(0, 0, new Color(90, 140, 200), 0, height, new Color(240, 200, 150)));
    g.fillRect(0, 0, width, height);
    Random random = new Random(20);
    for (int i = 0; i < 60; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
      int w = width / 20 + random.nextInt(width / 4);
      int h = height / 20 + random.nextInt(height / 4);
      g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
    }
    g.dispose();
    int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < pixels.length; i++) {
      int noise = random.nextInt(17) - 8;
      int p = pixels[i];
      pixels[i] =
          clamp(((p >> 16) & 0xFF) + noise) << 16
              | clamp(((p >> 8) & 0xFF) + noise) << 8
              | clamp((p & 0xFF) + noise);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(picture, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /**
   * {@code jpeg} with what a phone writes after its start: EXIF with the given orientation and a
   * GPS position, and an XMP packet naming the author.
   */
  public static byte[] withCameraMetadata(byte[] jpeg, int orientation) {
    ByteBuffer tiff =
        ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0);
    int gps = 8 + 2 + 2 * 12 + 4;
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gps);
    tiff.putInt(0);
    tiff.putShort((short) 1); // the GPS directory: latitude reference "N"
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0);
    tiff.putShort((short) 0);
    tiff.putInt(0);
    byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
    byte[] xmp =
        ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>"
                + "Hawre Salih</dc:creator></x:xmpmeta>")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
    out.write(jpeg, 0, 2);
    writeSegment(out, 0xE1, exif);
    writeSegment(out, 0xE1, xmp);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
    out.write(0xFF);
    out.write(marker);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xFF);
    out.write(payload, 0, payload.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
