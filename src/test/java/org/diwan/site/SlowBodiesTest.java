package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.diwan.DiwanApplication;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Clients that send their request bodies a byte at a time, over real sockets against the running
 * site: they must not take the places that other readers' requests need.
 */
class SlowBodiesTest {

  @TempDir static Path dataDir;
  static ConfigurableApplicationContext app;
  static int port;

  private final List<Socket> slow = new ArrayList<>();

  @BeforeAll
  static void start() {
    app =
        new SpringApplicationBuilder(DiwanApplication.class)
            .run(
                "--server.port=0",
                "--diwan.data-dir=" + dataDir,
                "--diwan.demo=false",
                "--diwan.limits.concurrent-requests=4",
                "--diwan.limits.requests-per-address=3",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void closeSlowClients() throws IOException {
    for (Socket socket : slow) {
      socket.close();
    }
  }

  /** Opens a JSON post that announces 400 bytes and sends the first one. */
  private Socket slowPost(String address) throws IOException {
    Socket socket = new Socket("localhost", port);
    slow.add(socket);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /api/articles/anything/comments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 400\r\n"
                + "X-Forwarded-For: "
                + address
                + "\r\n\r\n{")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static int get(String address) {
    return new WebClient(port).send("GET", "/login", null, "X-Forwarded-For", address).statusCode();
  }

  @Test
  void slowBodiesFromManyAddressesLeaveThePagesServed() throws Exception {
    for (int i = 0; i < 8; i++) {
      slowPost("198.51.100." + i);
    }
    Thread.sleep(300); // every slow request has reached the site

    assertThat(get("203.0.113.1")).isEqualTo(200);
  }

  @Test
  void oneAddressGetsAtMostItsShareOfRequestsInProgress() throws Exception {
    for (int i = 0; i < 3; i++) {
      slowPost("192.0.2.7");
    }
    Thread.sleep(300);

    assertThat(get("192.0.2.7")).isEqualTo(429);
    assertThat(get("192.0.2.8")).isEqualTo(200);
  }

  @Test
  void aBodySentTooSlowlyIsAnsweredWith408() throws Exception {
    Socket socket = slowPost("192.0.2.30");
    socket.setSoTimeout(30_000);
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    Thread trickle =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 30; i++) {
                  Thread.sleep(1_000);
                  out.write(' ');
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // the site closed the connection: what the test waits for
              }
            });
    trickle.start();

    String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

    assertThat(status).isEqualTo("HTTP/1.1 408");
    trickle.interrupt();
  }
}
