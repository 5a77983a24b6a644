package org.diwan.webhook.internal;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.diwan.webhook.InvalidWebhook;
import org.diwan.webhook.WebhookProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries on threads of its own, a few at a time ({@code diwan.webhooks.threads}),
 * each attempt cut off after {@code diwan.webhooks.timeout}: an endpoint that hangs holds one
 * thread that long and no more, and at most {@link #PER_ENDPOINT} of its deliveries are tried in a
 * round, so the other endpoints' go out beside them. A delivery that fails (no answer, or anything
 * but a 2xx) is tried again after 30 seconds, then twice as long each time, at most two hours
 * apart, for a day; then it is marked failed. Several instances claim each delivery before sending
 * it ({@link DeliveryRepository#claim}), so none sends one twice.
 */
@Component
public class WebhookSender implements SmartLifecycle {

  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration LONGEST_RETRY = Duration.ofHours(2);
  static final int PER_ENDPOINT = 2;

  private static final int LOOK_AHEAD = 200;
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final DeliveryRepository deliveries;
  private final EndpointRepository endpoints;
  private final EndpointAddresses addresses;
  private final Payloads payloads;
  private final Clock clock;
  private final WebhookProperties properties;
  private final HttpClient http;
  private final ExecutorService pool;
  private volatile Thread thread;

  WebhookSender(
      DeliveryRepository deliveries,
      EndpointRepository endpoints,
      EndpointAddresses addresses,
      Payloads payloads,
      Clock clock,
      WebhookProperties properties) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.addresses = addresses;
    this.payloads = payloads;
    this.clock = clock;
    this.properties = properties;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    int threads = Math.max(1, properties.threads());
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "webhook-delivery");
              t.setDaemon(true);
              return t;
            });
  }

  /** How one round went. */
  public record Round(int delivered, int failedAttempts) {}

  /** Tries every delivery due now (a fair share per endpoint) and waits for the attempts. */
  public Round sendDue() {
    Instant now = clock.instant();
    // Long enough for every attempt of a round to end before another instance may take it over.
    Instant lease = now.plus(properties.timeout().multipliedBy(4)).plus(Duration.ofMinutes(1));
    Map<Long, Integer> perEndpoint = new HashMap<>();
    List<Future<Boolean>> attempts = new ArrayList<>();
    int room = Math.max(1, properties.threads()) * 4;
    for (DeliveryRepository.Due due : deliveries.due(now, LOOK_AHEAD)) {
      if (attempts.size() >= room
          || perEndpoint.merge(due.endpointId(), 1, Integer::sum) > PER_ENDPOINT) {
        continue;
      }
      Optional<DeliveryRepository.Claimed> claimed = deliveries.claim(due, lease);
      claimed.ifPresent(c -> attempts.add(pool.submit(() -> attempt(c))));
    }
    int delivered = 0;
    int failed = 0;
    for (Future<Boolean> attempt : attempts) {
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

  private boolean attempt(DeliveryRepository.Claimed delivery) {
    Optional<EndpointRepository.Target> target = endpoints.target(delivery.endpointId());
    if (target.isEmpty()) {
      deliveries.failed(delivery.id(), null, "the endpoint was deleted");
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
        deliveries.delivered(delivery.id(), clock.instant(), status);
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
    if (giveUpNow || !now.isBefore(delivery.giveUpAt())) {
      deliveries.failed(delivery.id(), status, error);
    } else {
      deliveries.retry(delivery.id(), now.plus(delay(delivery.attempts())), status, error);
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

  /** After the {@code attempts}th failure: 30 seconds, doubling, at most two hours. */
  static Duration delay(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
    return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
  }

  @Override
  public void start() {
    Thread t = new Thread(this::run, "webhook-sender");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    Thread t = thread;
    thread = null;
    if (t != null) {
      t.interrupt();
    }
    pool.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  private void run() {
    while (thread == Thread.currentThread()) {
      try {
        sendDue();
      } catch (RuntimeException e) {
        // The database may be busy or briefly away: the next round tries again.
        log.warn("Sending webhooks failed: {}", e.getClass().getSimpleName());
      }
      try {
        Thread.sleep(properties.poll().toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
