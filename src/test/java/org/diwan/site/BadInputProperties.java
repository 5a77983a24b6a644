package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.diwan.DiwanApplication;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.WebClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input searched for by machine (jqwik): random Unicode, huge and empty fields, broken JSON,
 * wrong content types, traversal and SQL-injection strings in every parameter. Whatever comes in,
 * the answer is never a 5xx, and nothing but a valid comment is ever stored.
 */
class BadInputProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static ConfigurableApplicationContext app;
  private static WebClient web;
  private static Article article;
  private static String editorKey;
  private static WebClient editor;
  private static Path photos;

  @BeforeContainer
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("diwan-fuzz-");
    app =
        new SpringApplicationBuilder(DiwanApplication.class)
            .run(
                "--server.port=0",
                "--diwan.data-dir=" + dir,
                "--diwan.demo=false",
                "--diwan.limits.comments-per-ip-per-minute=0",
                "--diwan.limits.comments-per-email-per-minute=0",
                "--logging.level.root=WARN");
    web =
        new WebClient(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    article = app.getBean(Articles.class).publish(ArticleFixtures.english("Fuzzing"));
    editorKey = StaffFixtures.key(app.getBean(ApiKeys.class), Role.EDITOR);
    editor =
        new WebClient(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class))
            .logIn(
                StaffFixtures.member(app.getBean(org.diwan.staff.StaffAccounts.class), Role.EDITOR),
                StaffFixtures.PASSWORD);
    photos = dir.resolve("photos");
  }

  @AfterContainer
  static void stop() {
    app.close();
  }

  private static long stored() {
    return app.getBean(JdbcClient.class)
        .sql("SELECT COUNT(*) FROM comment")
        .query(Long.class)
        .single();
  }

  @Provide
  Arbitrary<String> nasty() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u0590', '\u06FF').ofMaxLength(200),
        Arbitraries.strings()
            .withChars('\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u0000', '\n')
            .ofMaxLength(50),
        Arbitraries.of(
            "' OR '1'='1",
            "1; DROP TABLE comment; --",
            "\" UNION SELECT author_email FROM comment --",
            "../../../../etc/passwd",
            "..%2F..%2Fdiwan.db",
            "<script>alert(1)</script>",
            "😀".repeat(3000),
            "x".repeat(70_000),
            "",
            " "),
        Arbitraries.strings().ascii().ofMinLength(4900).ofMaxLength(5100));
  }

  @Property(tries = 150)
  void commentApiNeverFailsAndStoresOnlyValidComments(
      @ForAll("nasty") String name, @ForAll("nasty") String email, @ForAll("nasty") String text) {
    long before = stored();
    String body = JSON.writeValueAsString(Map.of("name", name, "email", email, "text", text));

    HttpResponse<String> response =
        web.postJson("/api/articles/" + article.slug() + "/comments", body);

    assertThat(response.statusCode()).isIn(202, 400, 409, 413);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(stored()).isEqualTo(response.statusCode() == 202 ? before + 1 : before);
  }

  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(500),
        Arbitraries.of(
            "{",
            "{\"name\":",
            "[]",
            "null",
            "true",
            "{\"name\":[1,2]}",
            "{\"name\":{\"$gt\":\"\"}}",
            "{\"name\":\"a\",\"email\":\"a@b.c\",\"text\":\"t\"",
            "\u0000\u0001",
            "{\"text\":1e999999}"));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "application/json",
        "application/json; charset=latin1",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "",
        "garbage/\u00ff");
  }

  @Property(tries = 150)
  void rawBodiesOfAnyTypeAreRefusedCleanly(
      @ForAll("bodies") String body, @ForAll("contentTypes") String type) {
    HttpResponse<String> response =
        web.post(
            "/api/articles/" + article.slug() + "/comments",
            type.isEmpty() ? "application/octet-stream" : type,
            body.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isBetween(200, 499);
  }

  @Property(tries = 200)
  void anyPathOrParameterIsAnsweredWithout5xx(
      @ForAll("nasty") String segment, @ForAll("nasty") String parameter) {
    String s =
        URLEncoder.encode(
                segment.length() > 300 ? segment.substring(0, 300) : segment,
                StandardCharsets.UTF_8)
            .replace("+", "%20");
    String p =
        URLEncoder.encode(
            parameter.length() > 300 ? parameter.substring(0, 300) : parameter,
            StandardCharsets.UTF_8);
    for (String path :
        new String[] {
          "/articles/" + s,
          "/tags/" + s,
          "/photos/" + s,
          "/comments/" + s,
          "/api/comments/" + s,
          "/api/articles/" + s,
          "/api/articles/" + s + "/comments?after=" + p + "&limit=" + p,
          "/api/articles?page=" + p + "&size=" + p
        }) {
      if (s.isEmpty()) {
        continue;
      }
      HttpResponse<String> response = web.get(path);
      assertThat(response.statusCode()).as(path).isBetween(200, 499);
      assertThat(response.body()).as(path).doesNotContain("Exception");
    }
  }

  @Property(tries = 100)
  void commentFormNeverFails(
      @ForAll("nasty") String name,
      @ForAll("nasty") String email,
      @ForAll @StringLength(max = 6000) String text) {
    HttpResponse<String> response =
        web.submitForm(
            article.path(),
            article.path() + "/comments",
            Map.of("name", name, "email", email, "text", text));

    assertThat(response.statusCode()).isIn(303, 400, 409, 413);
  }

  @Provide
  Arbitrary<byte[]> uploads() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    return Arbitraries.oneOf(
        random,
        random.map(b -> concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, b)),
        random.map(b -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, b)),
        random.map(b -> concat("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), b)),
        Arbitraries.just("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
        Arbitraries.just(new byte[0]));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Property(tries = 80)
  void photoUploadsNeverFailAndOnlyRealImagesLandInThePhotoFolder(
      @ForAll("uploads") byte[] file,
      @ForAll("nasty") String fileName,
      @ForAll("contentTypes") String declared,
      @ForAll("nasty") String caption)
      throws Exception {
    String token = editor.csrfToken("/editor/articles/" + article.slug());
    String cleaned = fileName.replaceAll("[\"\\r\\n]", "");
    String name = cleaned.substring(0, Math.min(100, cleaned.length()));

    HttpResponse<String> response =
        editor.postMultipart(
            "/editor/articles/" + article.slug() + "/photos?_csrf=" + token,
            Map.of(
                "caption",
                caption.length() > 600 ? caption.substring(0, 600) : caption,
                "credit",
                "c"),
            "photo",
            name,
            declared.isEmpty() ? "image/jpeg" : declared.replaceAll("[\\r\\n]", ""),
            file);

    assertThat(response.statusCode()).isIn(302, 400, 403, 413);
    if (Files.isDirectory(photos)) {
      try (var stored = Files.list(photos)) {
        stored.forEach(
            p -> {
              assertThat(p.getFileName().toString()).matches("[a-z0-9][a-z0-9-]*\\.(jpg|png|webp)");
              try {
                byte[] head = Files.readAllBytes(p);
                assertThat(head.length).isGreaterThan(3);
                assertThat(head[0] == (byte) 0xFF || head[0] == (byte) 0x89 || head[0] == 'R')
                    .isTrue();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
      }
    }
  }

  @Example
  void anUploadedPhotoIsPublishedWithoutWhereItWasTaken() throws Exception {
    String secret = "GPS 36.1911N 44.0092E camera serial 7734";
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    byte[] plain = jpeg.toByteArray();
    byte[] exif = ("Exif\0\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
    byte[] app1 = {(byte) 0xFF, (byte) 0xE1, 0, (byte) (exif.length + 2)};
    byte[] tagged =
        concat(
            concat(Arrays.copyOf(plain, 2), concat(app1, exif)),
            Arrays.copyOfRange(plain, 2, plain.length));
    String token = editor.csrfToken("/editor/articles/" + article.slug());

    HttpResponse<String> uploaded =
        editor.postMultipart(
            "/editor/articles/" + article.slug() + "/photos?_csrf=" + token,
            Map.of("caption", "Citadel at dusk", "credit", "Staff"),
            "photo",
            "IMG_0001.jpg",
            "image/jpeg",
            tagged);

    assertThat(uploaded.statusCode()).isEqualTo(302);
    var photos = JSON.readTree(web.getJson("/api/articles/" + article.slug()).body()).get("photos");
    String url = photos.get(photos.size() - 1).get("url").asString();
    HttpResponse<String> served = web.get(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).doesNotContain("GPS").doesNotContain("7734");
  }

  @Property(tries = 100)
  void editorApiNeverFails(
      @ForAll("nasty") String headline,
      @ForAll("nasty") String body,
      @ForAll("nasty") String language) {
    String json =
        JSON.writeValueAsString(
            Map.of(
                "headline",
                headline,
                "source",
                "Wire",
                "body",
                body,
                "language",
                language,
                "tags",
                List.of(headline)));

    HttpResponse<String> response =
        web.send("POST", "/api/articles", json, "Authorization", "Bearer " + editorKey);

    assertThat(response.statusCode()).isIn(201, 400, 413);
  }
}
