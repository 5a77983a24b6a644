package org.diwan.comment.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.diwan.comment.CommentProperties;
import org.springframework.stereotype.Component;

/**
 * How many comments one client address and one email may post per minute (token buckets, refilled
 * gradually). A limit of 0 switches that check off. Addresses and emails are held in memory only,
 * for at most ten idle minutes, and never logged. Behind a reverse proxy the address is the
 * client's only when the proxy is listed in {@code DIWAN_TRUSTED_PROXIES}.
 */
@Component
public class SubmissionLimits {

  private final int perAddress;
  private final int perEmail;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

  SubmissionLimits(CommentProperties properties) {
    this.perAddress = properties.limits().commentsPerIpPerMinute();
    this.perEmail = properties.limits().commentsPerEmailPerMinute();
  }

  /**
   * Counts one submission from {@code address} with {@code email}.
   *
   * @throws TooManyComments when either limit is used up, saying when to try again
   */
  public void check(String address, String email) {
    take("ip:" + address, perAddress);
    if (email != null && !email.isBlank()) {
      take("email:" + CommenterEmail.key(email), perEmail);
    }
  }

  private void take(String key, int perMinute) {
    if (perMinute <= 0) {
      return;
    }
    Bucket bucket =
        buckets.get(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new TooManyComments(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }
}
