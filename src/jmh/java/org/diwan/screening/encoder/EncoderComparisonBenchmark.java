package org.diwan.screening.encoder;

import java.util.concurrent.TimeUnit;
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
 * The encoders compared for the second stage (MODEL.md), embedding one short comment on one
 * thread. The candidates other than the shipped one are on the classpath only in the {@code bench}
 * profile.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args=EncoderComparisonBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncoderComparisonBenchmark {

  static final String SHORT = "Great reporting, but who pays for the new bridge in Koya?";

  @Param({
    "e5-small-v2-q",
    "e5-small-v2",
    "all-minilm-l6-v2-q",
    "all-minilm-l6-v2",
    "bge-small-en-v1.5-q"
  })
  String encoder;

  private OnnxEncoder loaded;

  @Setup
  public void setUp() throws OnnxEncoder.Unavailable {
    loaded = OnnxEncoder.load(OnnxEncoder.spec(encoder), getClass().getClassLoader());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public float[] embedShortComment() {
    return loaded.embed(SHORT);
  }
}
