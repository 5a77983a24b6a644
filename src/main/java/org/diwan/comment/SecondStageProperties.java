package org.diwan.comment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The second screening stage's worker, bound from {@code diwan.second-stage.*}.
 *
 * @param threads threads reading comments in the background (never request threads); 0 switches the
 *     stage off, and comments are then judged by the first stage alone, as before it existed
 * @param batch comments one worker claims at a time
 * @param poll how often an idle worker looks for work it was not told of (another instance's, or
 *     left by a stopped process)
 * @param lease how long a claim holds: a comment claimed longer ago is taken back
 * @param busyPause while the site is busy (see {@code busyRate}), a worker rests this many times as
 *     long as each comment took it; 0 never rests. At 50 submissions keep 0.95 of their rate under
 *     a flood; at 9 they kept 0.80 (BENCHMARKS.md), as the stage's database work and memory traffic
 *     cost more than its reading time shows
 * @param busyRate submissions in the last second from which this instance counts as busy; below it,
 *     which takes a few milliseconds of CPU a second, the stage reads at full speed
 * @param model the encoder heads to load (a resource beside {@code EncoderScreener}, or a file
 *     after {@code file:}); one that is missing or corrupt leaves the stage down and comments
 *     unscored
 */
@ConfigurationProperties("diwan.second-stage")
public record SecondStageProperties(
    @DefaultValue("1") int threads,
    @DefaultValue("16") int batch,
    @DefaultValue("2s") Duration poll,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("50") double busyPause,
    @DefaultValue("20") int busyRate,
    @DefaultValue(SecondStageProperties.DEFAULT_MODEL) String model) {

  public SecondStageProperties {
    if (threads < 0 || threads > 64) {
      throw new IllegalArgumentException("diwan.second-stage.threads must be 0 to 64");
    }
    if (!(busyPause >= 0 && busyPause <= 100)) {
      throw new IllegalArgumentException("diwan.second-stage.busy-pause must be 0 to 100");
    }
    if (busyRate < 1 || busyRate > 1_000_000) {
      throw new IllegalArgumentException("diwan.second-stage.busy-rate must be 1 to 1000000");
    }
    if (batch < 1 || batch > 1000) {
      throw new IllegalArgumentException("diwan.second-stage.batch must be 1 to 1000");
    }
  }

  public boolean enabled() {
    return threads > 0;
  }

  /** The shipped heads, beside {@code EncoderScreener}. */
  public static final String DEFAULT_MODEL = "encoder-heads.bin";
}
