package org.diwan.webhook.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.diwan.site.BackgroundLoop;
import org.diwan.site.Backoff;
import org.diwan.site.Meters;
import org.diwan.webhook.InvalidWebhook;
import org.diwan.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries on threads of its own, a few at a time ({@code diwan.webhooks.threads}),
 * each attempt cut off after {@code diwan.webhooks.timeout}. One endpoint has at most half the
 * threads at once: one that hangs holds those that long and no more, and the other endpoints'
 * deliveries go out on the rest meanwhile. A delivery that fails (no answer, or anything but a 2xx)
 * is tried again after 30 seconds, then twice as long each time, at most two hours apart, for a
 * day; then it is marked failed. Several instances claim each delivery before sending it ({@link
 * DeliveryRepository#claim}), so none sends one twice.
 */
@Component
public class WebhookSender implements SmartLifecycle {

  static final Backoff RETRIES = new Backoff(Duration.ofSeconds(30), Duration.ofHours(2));
  private static final Duration BUSY_PAUSE = Duration.ofMillis(200);

  private static final int LOOK_AHEAD = 200;
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final DeliveryRepository deliveries;
  private final EndpointRepository endpoints;
  private final EndpointAddresses addresses;
  private final Payloads payloads;
  private final Clock clock;
  private final WebhookProperties properties;
  private final TransactionTemplate transaction;
  private final HttpClient http;
  private final ExecutorService pool;
  private final Semaphore free;
  private final int perEndpoint;
  private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final MeterRegistry meters;
  private final BackgroundLoop loop;

  WebhookSender(
      DeliveryRepository deliveries,
      EndpointRepository endpoints,
      EndpointAddresses addresses,
      Payloads payloads,
      Clock clock,
      WebhookProperties properties,
      TransactionTemplate transaction,
      MeterRegistry meters) {
    this.meters = meters;
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.addresses = addresses;
    this.payloads = payloads;
    this.clock = clock;
    this.properties = properties;
    this.transaction = transaction;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    int threads = Math.max(1, properties.threads());
    this.free = new Semaphore(threads);
    this.perEndpoint = Math.max(1, threads / 2);
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "webhook-delivery");
              t.setDaemon(true);
              return t;
            });
    // While there is work, look again soon for what the attempts just started leave.
    this.loop =
        new BackgroundLoop(
            "webhook-sender",
            properties.poll(),
            () -> dispatch().isEmpty() ? properties.poll() : BUSY_PAUSE);
  }

  private void counted(String outcome) {
    Counter.builder(Meters.WEBHOOK_DELIVERIES)
        .description("Webhook deliveries answered 2xx, tried again later, or given up")
        .tag(Meters.OUTCOME, outcome)
        .register(meters)
        .increment();
  }

  /** How one round went. */
  public record Round(int delivered, int failedAttempts) {}

  /** Tries every delivery due now that a thread is free for, and waits for those attempts. */
  public Round sendDue() {
    int delivered = 0;
    int failed = 0;
    for (Future<Boolean> attempt : dispatch()) {
      try {
        if (attempt.get()) {
          delivered++;
        } else {
          failed++;
        }
      } catch (ExecutionException e) {
        failed++;
        log.warn("A webhook attempt failed: {}", e.getCause().getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Round(delivered, failed);
  }

  /**
   * Claims due deliveries while a thread is free and their endpoint has fewer than its share in
   * flight, and starts an attempt at each; returns the attempts started.
   */
  private List<Future<Boolean>> dispatch() {
    Instant now = clock.instant();
    // Long enough for an attempt to end before another instance may take the delivery over.
    Instant lease = now.plus(properties.timeout().multipliedBy(4)).plus(Duration.ofMinutes(1));
    List<Future<Boolean>> started = new ArrayList<>();
    for (DeliveryRepository.Due due : deliveries.due(now, LOOK_AHEAD)) {
      if (!free.tryAcquire()) {
        break;
      }
      AtomicInteger busy = inFlight.computeIfAbsent(due.endpointId(), id -> new AtomicInteger());
      Optional<DeliveryRepository.Claimed> claimed =
          busy.incrementAndGet() <= perEndpoint
              ? inTransaction(() -> deliveries.claim(due, lease))
              : Optional.empty();
      if (claimed.isEmpty()) {
        busy.decrementAndGet();
        free.release();
        continue;
      }
      started.add(
          pool.submit(
              () -> {
                try {
                  return attempt(claimed.get());
                } finally {
                  busy.decrementAndGet();
                  free.release();
                }
              }));
    }
    return started;
  }

  private boolean attempt(DeliveryRepository.Claimed delivery) {
    Optional<EndpointRepository.Target> target = endpoints.target(delivery.endpointId());
    if (target.isEmpty()) {
      write(() -> deliveries.failed(delivery.id(), null, "the endpoint was deleted"));
      return false;
    }
    URI uri = URI.create(target.get().url());
    Integer status = null;
    String error;
    boolean giveUpNow = false;
    try {
      addresses.check(uri);
      byte[] body = payloads.body(delivery);
      long timestamp = clock.instant().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(properties.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "Diwan-Webhooks")
              .header("webhook-id", delivery.messageId())
              .header("webhook-timestamp", Long.toString(timestamp))
              .header(
                  "webhook-signature",
                  Signatures.sign(target.get().secret(), delivery.messageId(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      status = exchange(request);
      if (status >= 200 && status < 300) {
        int answered = status;
        write(() -> deliveries.delivered(delivery.id(), clock.instant(), answered));
        counted("delivered");
        return true;
      }
      error = "answered HTTP " + status;
    } catch (InvalidWebhook refused) {
      error = refused.getMessage();
      giveUpNow = true;
    } catch (HttpTimeoutException | TimeoutException e) {
      error = "no answer within " + properties.timeout().toSeconds() + " s";
    } catch (ConnectException e) {
      error = "could not connect";
    } catch (UnknownHostException e) {
      error = "unknown host";
    } catch (IOException e) {
      error = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    Instant now = clock.instant();
    Integer answered = status;
    String why = error;
    if (giveUpNow || !now.isBefore(delivery.giveUpAt())) {
      write(() -> deliveries.failed(delivery.id(), answered, why));
      counted("failed");
    } else {
      write(
          () ->
              deliveries.retry(delivery.id(), now.plus(delay(delivery.attempts())), answered, why));
      counted("retried");
    }
    log.warn(
        "Webhook delivery {} (attempt {}) not delivered: {}",
        delivery.id(),
        delivery.attempts(),
        error);
    return false;
  }

  /**
   * Sends and reads the answer's status, the body discarded; the whole exchange, a body that
   * trickles in included, is cut off at the timeout.
   */
  private int exchange(HttpRequest request)
      throws IOException, InterruptedException, TimeoutException {
    CompletableFuture<HttpResponse<Void>> answer =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      return answer.get(properties.timeout().toMillis() * 2, TimeUnit.MILLISECONDS).statusCode();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } finally {
      answer.cancel(true);
    }
  }

  /**
   * Every write in a transaction: on SQLite a write outside one would race the serialized writers
   * and fail theirs with SQLITE_BUSY_SNAPSHOT.
   */
  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return transaction.execute(status -> work.get());
  }

  private void write(Runnable work) {
    transaction.executeWithoutResult(status -> work.run());
  }

  /** After the {@code attempts}th failure: 30 seconds, doubling, at most two hours. */
  static Duration delay(int attempts) {
    return RETRIES.after(attempts);
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop();
    pool.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return loop.running();
  }
}
