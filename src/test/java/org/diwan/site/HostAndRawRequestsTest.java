package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests a browser would not send, written byte by byte on a socket: a Host the site is not, an
 * overlong UTF-8 sequence, a request line the container itself refuses.
 */
@OnSqlite
@TestPropertySource(properties = "diwan.base-url=https://news.example.org")
class HostAndRawRequestsTest {

  @Autowired Environment environment;
  @Autowired Articles articles;

  private String send(byte[] request) throws IOException {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String get(String target, String host) throws IOException {
    return send(
        ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aHostOtherThanTheSitesIsRefusedSoNoCacheStoresLinksToIt() throws Exception {
    assertThat(get("/feed.atom", "evil.example")).startsWith("HTTP/1.1 400");
    String feed = get("/feed.atom", "news.example.org");
    assertThat(feed).startsWith("HTTP/1.1 200").contains("https://news.example.org/");
    assertThat(get("/actuator/health", "10.0.0.5:8080")).startsWith("HTTP/1.1 200");
  }

  @Test
  void anOverlongUtf8SequenceInAJsonBodyIsRefusedNotDecoded() throws Exception {
    Article article = articles.publish(ArticleFixtures.english("Overlong"));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        "{\"name\":\"A\",\"email\":\"overlong@example.org\",\"text\":\"a"
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // '/' in two bytes, which UTF-8 forbids
    body.writeBytes("b\"}".getBytes(StandardCharsets.US_ASCII));
    byte[] head =
        ("POST /api/articles/"
                + article.slug()
                + "/comments HTTP/1.1\r\nHost: news.example.org\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.size()
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head);
    request.writeBytes(body.toByteArray());

    assertThat(send(request.toByteArray())).startsWith("HTTP/1.1 400");
  }

  @Test
  void theContainersOwnErrorPageCarriesTheSecurityHeaders() throws Exception {
    String refused = get("/a|b{c}", "news.example.org");

    assertThat(refused).startsWith("HTTP/1.1 400");
    String headers = refused.substring(0, refused.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(headers)
        .contains("content-security-policy: default-src 'self'")
        .contains("x-content-type-options: nosniff")
        .contains("x-frame-options: deny");
  }
}
