package org.diwan.article.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Published photos keep their pixels and orientation, and lose what the camera wrote about them.
 */
class PhotoMetadataTest {

  private static final String SECRET = "51.5072N-0.1276W serial 0xC0FFEE";

  private static byte[] image(String format) throws IOException {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0xFF0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private static byte[] segment(int marker, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
    b.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
    return b.array();
  }

  /** An EXIF block, little-endian, with an orientation and a text tag holding the secret. */
  private static byte[] exif(int orientation) {
    byte[] text = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 24 + 4 + text.length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) 2);
    b.putShort((short) 0x010F).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 24 + 4);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    b.putInt(0);
    b.put(text);
    return b.array();
  }

  private static byte[] insertAfter(byte[] file, int offset, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, offset);
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    out.write(file, offset, file.length - offset);
    return out.toByteArray();
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void jpegLosesExifCommentsAndPhotoshopBlocksButKeepsPixelsAndOrientation() throws Exception {
    byte[] plain = image("jpg");
    byte[] tagged =
        insertAfter(
            plain,
            2,
            segment(0xE1, exif(6)),
            segment(0xED, ("Photoshop 3.0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1)),
            segment(0xFE, SECRET.getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(latin1(tagged)).contains(SECRET);

    byte[] published = PhotoMetadata.strip(PhotoStore.Kind.JPEG, tagged);

    assertThat(latin1(published)).doesNotContain(SECRET).doesNotContain("Photoshop");
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(published));
    assertThat(read.getWidth()).isEqualTo(40);
    assertThat(read.getHeight()).isEqualTo(20);
    int exifAt = latin1(published).indexOf("Exif\0\0MM");
    assertThat(exifAt).isPositive();
    // IFD0's one entry: tag 0x0112, type SHORT, count 1, value 6
    int entry = exifAt + 6 + 8 + 2;
    assertThat(ByteBuffer.wrap(published).getShort(entry)).isEqualTo((short) 0x0112);
    assertThat(ByteBuffer.wrap(published).getShort(entry + 8)).isEqualTo((short) 6);
  }

  @Test
  void aJpegWithNothingToRemoveIsUnchanged() throws Exception {
    byte[] plain = image("jpg");
    assertThat(PhotoMetadata.strip(PhotoStore.Kind.JPEG, plain)).isEqualTo(plain);
  }

  @Test
  void pngLosesItsTextChunks() throws Exception {
    byte[] plain = image("png");
    byte[] data = ("Author\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + data.length);
    chunk.putInt((int) crc.getValue());
    byte[] tagged = insertAfter(plain, 8 + 25, chunk.array()); // right after IHDR

    byte[] published = PhotoMetadata.strip(PhotoStore.Kind.PNG, tagged);

    assertThat(latin1(tagged)).contains(SECRET);
    assertThat(latin1(published)).doesNotContain(SECRET);
    assertThat(published).isEqualTo(plain);
    assertThat(ImageIO.read(new ByteArrayInputStream(published)).getWidth()).isEqualTo(40);
  }

  private static byte[] riffChunk(String type, byte[] data) {
    int padded = data.length + (data.length & 1);
    ByteBuffer b = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    b.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return b.array();
  }

  @Test
  void webpLosesExifAndXmpChunksAndItsHeaderSaysSo() throws Exception {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP and alpha
    byte[] image = {0x2F, 1, 2, 3, 4, 5, 6};
    byte[] body =
        concat(
            riffChunk("VP8X", vp8x),
            riffChunk("VP8L", image),
            riffChunk("EXIF", exif(1)),
            riffChunk("XMP ", ("<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes()));
    ByteBuffer file = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    file.put("RIFF".getBytes()).putInt(4 + body.length).put("WEBP".getBytes()).put(body);

    byte[] published = PhotoMetadata.strip(PhotoStore.Kind.WEBP, file.array());

    byte[] expected =
        concat(
            riffChunk("VP8X", new byte[] {0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
            riffChunk("VP8L", image));
    assertThat(latin1(published)).doesNotContain(SECRET).doesNotContain("EXIF");
    assertThat(ByteBuffer.wrap(published).order(ByteOrder.LITTLE_ENDIAN).getInt(4))
        .isEqualTo(published.length - 8);
    assertThat(Arrays.copyOfRange(published, 12, published.length)).isEqualTo(expected);
  }

  @Test
  void aMultiPictureJpegIsPublishedAsItsFirstPictureAloneWithoutTheSecondsLocation()
      throws Exception {
    // As a phone writes one (CIPA MP Format, Ultra HDR, motion photos): a first picture whose
    // APP2 "MPF" segment points at a second, complete JPEG appended after its end of image, and
    // the second picture carries its own EXIF with the position.
    byte[] first =
        insertAfter(
            image("jpg"),
            2,
            segment(0xE2, ("MPF\0MM\0\u002A" + "index").getBytes(StandardCharsets.ISO_8859_1)));
    byte[] second = insertAfter(image("jpg"), 2, segment(0xE1, exif(1)));
    byte[] file = concat(first, second);
    assertThat(latin1(file)).contains(SECRET);

    byte[] published = PhotoMetadata.strip(PhotoStore.Kind.JPEG, file);

    assertThat(latin1(published)).doesNotContain(SECRET).doesNotContain("MPF");
    assertThat(latin1(published).indexOf("\u00FF\u00D8", 2)).isEqualTo(-1);
    assertThat(published[published.length - 2] & 0xFF).isEqualTo(0xFF);
    assertThat(published[published.length - 1] & 0xFF).isEqualTo(0xD9);
    assertThat(ImageIO.read(new ByteArrayInputStream(published)).getWidth()).isEqualTo(40);
  }

  @Test
  void aTruncatedPhotoIsRefused() throws Exception {
    byte[] plain = image("jpg");
    byte[] cut = Arrays.copyOf(plain, 30);
    assertThatThrownBy(() -> PhotoMetadata.strip(PhotoStore.Kind.JPEG, cut))
        .isInstanceOf(PhotoMetadata.Unreadable.class);
    byte[] png = image("png");
    assertThatThrownBy(() -> PhotoMetadata.strip(PhotoStore.Kind.PNG, Arrays.copyOf(png, 40)))
        .isInstanceOf(PhotoMetadata.Unreadable.class);
  }

  @Property(tries = 300)
  void anyBytesAfterASignatureAreStrippedOrRefusedNeverAnotherError(@ForAll byte[] tail) {
    byte[][] heads = {
      {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
      {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
      {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'}
    };
    PhotoStore.Kind[] kinds = {PhotoStore.Kind.JPEG, PhotoStore.Kind.PNG, PhotoStore.Kind.WEBP};
    for (int i = 0; i < heads.length; i++) {
      try {
        PhotoMetadata.strip(kinds[i], concat(heads[i], tail));
      } catch (PhotoMetadata.Unreadable expected) {
        // a clear refusal is the other allowed outcome
      }
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }
}
