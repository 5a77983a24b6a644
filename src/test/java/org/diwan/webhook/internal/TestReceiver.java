package org.diwan.webhook.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a free local port, as a newsroom's tool would run one: it checks each
 * request's signature with the endpoint's secret and its timestamp against the clock, and answers
 * by path: {@code /ok/...} 200; {@code /flaky/...} 500 the first time, 200 after; {@code /hang/...}
 * nothing until {@link #release()}.
 */
final class TestReceiver {

  /** A request as the receiver saw it; {@code verified}: signature and timestamp both good. */
  record Received(String path, String id, String timestamp, String body, boolean verified) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private volatile CountDownLatch hanging = new CountDownLatch(1);
  private volatile Clock clock = Clock.systemUTC();

  TestReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** An address on this receiver; register it with the secret the site then issues. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Verifies what comes to {@code path} with {@code secret}, forgetting what came before. */
  void expect(String path, String secret, Clock now) {
    secrets.put(path, secret);
    clock = now;
    received.removeIf(r -> r.path().equals(path));
    hits.remove(path);
  }

  List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Lets every hanging request answer, and hangs the next ones again. */
  void release() {
    hanging.countDown();
    hanging = new CountDownLatch(1);
  }

  void stop() {
    release();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
    String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
    received.add(
        new Received(path, id, timestamp, body, verify(path, id, timestamp, signatures, body)));
    int status = 200;
    if (path.startsWith("/hang")) {
      try {
        hanging.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (path.startsWith("/flaky")
        && hits.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement() == 0) {
      status = 500;
    }
    try {
      exchange.sendResponseHeaders(status, -1);
    } catch (IOException gone) {
      // The sender gave up on a hanging request and closed the connection.
    }
    exchange.close();
  }

  /** What a receiver must check: a v1 signature made with its secret, and a recent timestamp. */
  private boolean verify(String path, String id, String timestamp, String header, String body) {
    String secret = secrets.get(path);
    if (secret == null || id == null || timestamp == null || header == null) {
      return false;
    }
    long sent = Long.parseLong(timestamp);
    if (Math.abs(clock.instant().getEpochSecond() - sent) > 300) {
      return false;
    }
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
      byte[] expected =
          hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String candidate : header.split(" ")) {
        String[] versioned = candidate.split(",", 2);
        if (versioned.length == 2
            && versioned[0].equals("v1")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
          return true;
        }
      }
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
    return false;
  }
}
