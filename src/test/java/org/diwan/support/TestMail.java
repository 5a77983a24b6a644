package org.diwan.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free port, which a test can stop and start again on the same
 * port.
 */
public final class TestMail {

  private final int port;
  private GreenMail server;

  public TestMail() {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  public void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public void stop() {
    server.stop();
  }

  /** The port it listens on, for a site started outside the test's Spring context. */
  public int port() {
    return port;
  }

  public GreenMail server() {
    return server;
  }

  /** Points the application's mail sender at this server; the sender thread all but idles. */
  public void register(DynamicPropertyRegistry properties) {
    register(properties, Duration.ofHours(1));
  }

  /**
   * Points the application's mail sender at this server, looking for due notices every {@code
   * poll}.
   */
  public void register(DynamicPropertyRegistry properties, Duration poll) {
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> port);
    properties.add("diwan.mail.from", () -> "newsroom@diwan.test");
    properties.add("diwan.mail.poll", poll::toString);
    properties.add("diwan.base-url", () -> "http://news.diwan.test");
  }
}
