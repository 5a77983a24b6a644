package org.diwan.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.diwan.comment.CommentSubmitted;
import org.diwan.comment.ScreeningSummary;
import org.diwan.site.Meters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Diwan's own meters add to one comment submission: the screening timer around the (here
 * empty) screening, the submitted counter and the policies cache's lookup, as the application
 * records them, into the Prometheus registry and into the no-op registry Spring Boot uses when
 * metrics are off. Two threads, as on this two-core host under load.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Djmh.args=SubmissionMetersBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class SubmissionMetersBenchmark {

  @Param({"prometheus", "off"})
  public String registry;

  private Timer screening;
  private CommentCounters counters;
  private Meters.CacheLookups policies;
  private final ScreeningSummary summary = ScreeningSummary.modelNotLoaded();
  private final CommentSubmitted submitted = new CommentSubmitted(1, 1, summary);

  @Setup
  public void setUp() {
    MeterRegistry meters =
        registry.equals("off")
            ? new CompositeMeterRegistry()
            : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    screening = Meters.screeningTime(meters);
    counters = new CommentCounters(meters);
    policies = Meters.cache(meters, "policies");
  }

  @Benchmark
  public ScreeningSummary submission() {
    ScreeningSummary screened = screening.record(() -> summary);
    counters.on(submitted);
    policies.count(true);
    return screened;
  }
}
