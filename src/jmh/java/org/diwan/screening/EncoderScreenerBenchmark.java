package org.diwan.screening;

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
 * Throughput of the second stage, {@link EncoderScreener#screen}, on one thread (ONNX Runtime with
 * one intra-op thread) for the first stage's benchmark comments of about 60, 300 and 2,000
 * characters, no article text; and the cost of loading the encoder and heads.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Djmh.args=EncoderScreenerBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncoderScreenerBenchmark {

  @Param({"60", "300", "2000"})
  int length;

  private EncoderScreener second;
  private ScreeningInput input;
  private Screening first;

  @Setup
  public void setUp() {
    second = EncoderScreener.loadDefault();
    if (!second.available()) {
      throw new IllegalStateException(second.status());
    }
    String text =
        length <= 60
            ? ScreenerBenchmark.SHORT
            : length <= 300 ? ScreenerBenchmark.MEDIUM : ScreenerBenchmark.LONG;
    input = ScreeningInput.of(text);
    first = Screener.loadDefault().screen(input);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public CombinedScreening screen() {
    return second.screen(input, first);
  }

  /** Loading the encoder (ONNX Runtime session, tokenizer) and the heads from the classpath. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 3)
  @Fork(3)
  public EncoderScreener loadModel() {
    return EncoderScreener.loadDefault();
  }
}
