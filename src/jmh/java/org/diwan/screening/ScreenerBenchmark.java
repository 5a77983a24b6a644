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
 * Throughput of {@link Screener#screen} on one thread for comments of about 60, 300 and 2,000
 * characters, and the cost of loading the shipped model.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScreenerBenchmark {

  static final String SHORT = "Great reporting, but who pays for the new bridge in Koya?";

  static final String MEDIUM =
      "I live two streets from the river and the water reached our door on Tuesday night. The"
          + " civil defence teams were quick, but nobody warned us before the dam released more"
          + " water. The governor says shelters are open, yet the school near us was locked"
          + " until noon. Please ask the ministry why the warning sirens stayed silent again.";

  static final String LONG = (MEDIUM + " ").repeat(6) + "Thank you for following this story.";

  @Param({"60", "300", "2000"})
  int length;

  private Screener screener;
  private ScreeningInput input;

  @Setup
  public void setUp() {
    screener = Screener.loadDefault();
    String text = length <= 60 ? SHORT : length <= 300 ? MEDIUM : LONG;
    input = ScreeningInput.of(text);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Screening screen() {
    return screener.screen(input);
  }

  /** Loading the model and word lists from the classpath, as application start-up does. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 5)
  @Fork(5)
  public Screener loadModel() {
    return Screener.loadDefault();
  }
}
