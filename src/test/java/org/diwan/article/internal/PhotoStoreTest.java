package org.diwan.article.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.diwan.article.InvalidArticle;
import org.diwan.article.Photo;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the photo store refuses before anything is written (too many pixels, or no picture), and
 * where what it accepts goes: the database, where every instance reads it.
 */
@OnSqlite
class PhotoStoreTest {

  /** A lossless 1 × 1 WebP, the smallest real picture the format has. */
  private static final byte[] TINY_WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  @Autowired PhotoStore store;
  @Autowired JdbcClient jdbc;

  private PhotoStore store() {
    return store;
  }

  private long stored() {
    return jdbc.sql("SELECT COUNT(*) FROM photo_file").query(Long.class).single();
  }

  private static byte[] pngChunk(String type, byte[] data) {
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + data.length);
    chunk.putInt((int) crc.getValue());
    return chunk.array();
  }

  /** A PNG whose header declares the size; its few bytes of image data hold no such picture. */
  private static byte[] pngDeclaring(int width, int height) {
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    out.writeBytes(pngChunk("IHDR", header.array()));
    out.writeBytes(pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0, 0, 0, 0, 1}));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  private static byte[] webp(byte[] body) {
    ByteBuffer file = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
    file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length);
    return file.put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body).array();
  }

  private static String photoError(Runnable upload) {
    try {
      upload.run();
    } catch (InvalidArticle refused) {
      return refused.fieldErrors().get("photo");
    }
    throw new AssertionError("The photo was stored");
  }

  @Test
  void aPngOfFiftyThousandPixelsASideIsRefusedWithItsSize() {
    String error =
        photoError(() -> store().store("x", pngDeclaring(50_000, 50_000), "Caption", ""));
    assertThat(error).contains("50000 × 50000").contains("12,000 pixels a side");
  }

  @Test
  void aPictureNarrowEnoughButOverFiftyMegapixelsIsRefused() {
    assertThat(photoError(() -> store().store("x", pngDeclaring(10_000, 6_000), "Caption", "")))
        .contains("50 megapixels");
  }

  @Test
  void aWebpWithoutAPictureOrWithOneThatDoesNotDecodeIsRefused() throws Exception {
    long before = stored();
    byte[] empty = webp(new byte[] {'V', 'P', '8', ' ', 0, 0, 0, 0});
    byte[] junk = webp(new byte[] {'V', 'P', '8', 'L', 6, 0, 0, 0, 0x2F, 1, 2, 3, 4, 5});

    assertThat(photoError(() -> store().store("x", empty, "Caption", ""))).contains("damaged");
    assertThat(photoError(() -> store().store("x", junk, "Caption", ""))).contains("damaged");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aRealWebpIsStored() throws Exception {
    Photo photo = store().store("x", TINY_WEBP, "Caption", "");
    assertThat(photo.contentType()).isEqualTo("image/webp");
    assertThat(store.bytes(photo.fileName())).contains(TINY_WEBP);
  }

  @Test
  void theStoreStillRefusesWhatIsNoImageAtAll() {
    assertThatThrownBy(() -> store().store("x", new byte[] {1, 2, 3, 4}, "Caption", ""))
        .isInstanceOf(InvalidArticle.class);
  }
}
