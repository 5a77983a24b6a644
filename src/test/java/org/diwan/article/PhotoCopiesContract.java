package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A camera-sized photo uploaded as an editor does, then fetched as readers' browsers fetch it: the
 * smaller WebP copies at each width, their pixels and their (absent) metadata, the widths refused,
 * and the article page's {@code img} attributes; against each supported database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhotoCopiesContract {

  /** A 4000 × 3000 JPEG with EXIF (orientation 1, a GPS position) and XMP, made once. */
  private static byte[] camera;

  @Autowired Articles articles;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  private final HttpClient http = HttpClient.newHttpClient();
  private Article article;

  @BeforeAll
  static void makeCameraPhoto() {
    if (camera == null) {
      camera = PhotoFixtures.withCameraMetadata(PhotoFixtures.jpeg(4000, 3000), 1);
    }
  }

  @BeforeEach
  void setUp() {
    article = articles.publish(ArticleFixtures.english("Ferries run again"));
  }

  private Photo upload(byte[] bytes, String caption) {
    return articles.addPhoto(article.slug(), bytes, caption, "Diwan", "editor@example.org");
  }

  private HttpResponse<byte[]> get(String path) {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String page(String path) {
    return new String(get(path).body(), StandardCharsets.UTF_8);
  }

  @Test
  void servesEachWidthAsWebpOfThatWidthWithoutMetadata() throws IOException {
    Photo photo = upload(camera, "The ferry at dawn");
    assertThat(photo.width()).isEqualTo(4000);
    assertThat(photo.height()).isEqualTo(3000);

    for (int width : List.of(480, 960, 1600)) {
      HttpResponse<byte[]> copy = get(photo.url(width));

      assertThat(copy.statusCode()).as("width %d", width).isEqualTo(200);
      assertThat(copy.headers().firstValue("Content-Type")).contains("image/webp");
      assertThat(copy.headers().firstValue("Cache-Control").orElse(""))
          .contains("max-age=2592000")
          .contains("public");
      int[] size = webpSize(copy.body());
      assertThat(size).as("width %d", width).containsExactly(width, width * 3 / 4);
      assertThat(riffChunks(copy.body())).as("width %d", width).containsExactly("VP8 ");
      assertThat(new String(copy.body(), StandardCharsets.ISO_8859_1))
          .doesNotContain("Exif")
          .doesNotContain("xmpmeta")
          .doesNotContain("Hawre");
    }
  }

  /** The figures in BENCHMARKS.md, "Photos at phone width", are the two lines this prints. */
  @Test
  void sendsPhonesAFractionOfTheOriginal() {
    Photo photo = upload(camera, "The ferry at dawn");
    int original = get(photo.url()).body().length;

    long start = System.nanoTime();
    int phone = get(photo.url(480)).body().length; // the first request makes all three copies
    long making = (System.nanoTime() - start) / 1_000_000;

    System.out.printf(
        "photo at phone width: original %,d bytes (4000 × 3000 JPEG), 480 copy %,d bytes (%.1f %%)%n",
        original, phone, 100.0 * phone / original);
    System.out.printf(
        "photo copies: 480, 960 and 1600 made and stored in %,d ms (first request)%n", making);
    assertThat(phone).isLessThan(original / 20);
  }

  @Test
  void storesEachCopyOnceThoughManyAskAtOnce() throws Exception {
    Photo photo = upload(camera, "The ferry at noon");
    ExecutorService readers = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int width = Photo.WIDTHS.get(i % 3);
        Callable<Integer> fetch = () -> get(photo.url(width)).statusCode();
        answers.add(readers.submit(fetch));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      readers.shutdown();
    }

    assertThat(
            jdbc.sql("SELECT width FROM photo_variant WHERE name = ? ORDER BY width")
                .param(photo.fileName())
                .query(Integer.class)
                .list())
        .containsExactly(480, 960, 1600);
  }

  @Test
  void refusesWidthsNotOffered() {
    Photo photo = upload(camera, "The ferry at dusk");
    Photo small = upload(PhotoFixtures.jpeg(700, 500), "The pier");

    assertThat(get("/photos/500/" + photo.fileName() + ".webp").statusCode()).isEqualTo(404);
    assertThat(get("/photos/3200/" + photo.fileName() + ".webp").statusCode()).isEqualTo(404);
    assertThat(get("/photos/0480/" + photo.fileName() + ".webp").statusCode()).isEqualTo(404);
    assertThat(get("/photos/480/" + photo.fileName()).statusCode()).isEqualTo(404);
    assertThat(get("/photos/480/nothing-000000000000.jpg.webp").statusCode()).isEqualTo(404);
    // Never wider than the original: 960 is the widest offered, and it is 700 pixels wide.
    assertThat(small.widths()).containsExactly(480, 960);
    assertThat(get(small.url(1600)).statusCode()).isEqualTo(404);
    assertThat(webpSize(get(small.url(960)).body())).containsExactly(700, 500);
  }

  @Test
  void servesATurnedPhotoUpright() {
    byte[] turned = PhotoFixtures.withCameraMetadata(PhotoFixtures.jpeg(1200, 900), 6);

    Photo photo = upload(turned, "The harbour wall");

    assertThat(photo.width()).isEqualTo(900);
    assertThat(photo.height()).isEqualTo(1200);
    assertThat(webpSize(get(photo.url(480)).body())).containsExactly(480, 640);
  }

  @Test
  void articlePageOffersTheCopiesAndLoadsOnlyLaterPhotosLazily() {
    Photo first = upload(camera, "The ferry at dawn");
    Photo second = upload(PhotoFixtures.jpeg(1200, 800), "The pier");

    String html = page(article.path());

    String firstImg = img(html, first);
    assertThat(firstImg)
        .contains("srcset=\"" + first.url(480) + " 480w, " + first.url(960) + " 960w, ")
        .contains(first.url(1600) + " 1600w\"")
        .contains("src=\"" + first.url(960) + "\"")
        .contains("sizes=\"(max-width: 44rem) calc(100vw - 2rem), 42rem\"")
        .contains("width=\"4000\"", "height=\"3000\"", "decoding=\"async\"")
        .contains("alt=\"The ferry at dawn\"")
        .doesNotContain("loading=");
    assertThat(img(html, second))
        .contains(second.url(1600) + " 1200w\"")
        .contains("width=\"1200\"", "height=\"800\"", "loading=\"lazy\"");

    Matcher og = Pattern.compile("<meta property=\"og:image\" content=\"([^\"]+)\">").matcher(html);
    assertThat(og.find()).isTrue();
    assertThat(og.group(1)).startsWith("http://").endsWith(first.url());
    HttpResponse<byte[]> image = get(URI.create(og.group(1)).getPath());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
  }

  @Test
  void frontPageLoadsTheLeadsPhotoAtOnceAndLaterTeasersLazily() {
    Photo photo = upload(camera, "The ferry at dawn");

    String lead = img(page("/"), photo);
    articles.publish(ArticleFixtures.english("Ferries run late"));
    String teaser = img(page("/"), photo);

    assertThat(lead)
        .contains("srcset=\"" + photo.url(480) + " 480w")
        .contains("sizes=\"(max-width: 40rem) calc(100vw - 2rem), 42rem\"")
        .contains("width=\"4000\"", "height=\"3000\"", "alt=\"\"")
        .doesNotContain("loading=");
    assertThat(teaser)
        .contains("sizes=\"(max-width: 40rem) calc(100vw - 2rem), 24rem\"")
        .contains("width=\"4000\"", "height=\"3000\"", "loading=\"lazy\"", "alt=\"\"");
  }

  /** The {@code img} tag in {@code html} that shows {@code photo}. */
  private static String img(String html, Photo photo) {
    Matcher tag = Pattern.compile("<img [^>]*>").matcher(html);
    while (tag.find()) {
      if (tag.group().contains(photo.url(480))) {
        return tag.group();
      }
    }
    throw new AssertionError("No img of " + photo.fileName() + " in the page");
  }

  /** Width and height, decoded by TwelveMonkeys' reader, not the library that wrote the file. */
  private static int[] webpSize(byte[] webp) {
    try {
      ImageReader reader = new WebPImageReaderSpi().createReaderInstance();
      try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(webp))) {
        reader.setInput(in);
        var picture = reader.read(0);
        return new int[] {picture.getWidth(), picture.getHeight()};
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new AssertionError("Not a WebP picture", e);
    }
  }

  /** The chunks of a RIFF WebP file, in order: EXIF, XMP or ICCP would carry metadata. */
  private static List<String> riffChunks(byte[] webp) {
    assertThat(new String(webp, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
    assertThat(new String(webp, 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("WEBP");
    ByteBuffer b = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
    List<String> chunks = new ArrayList<>();
    int at = 12;
    while (at + 8 <= webp.length) {
      chunks.add(new String(webp, at, 4, StandardCharsets.ISO_8859_1));
      int size = b.getInt(at + 4);
      at += 8 + size + (size & 1);
    }
    assertThat(at).isEqualTo(webp.length);
    return chunks;
  }
}
