package org.diwan.screening.encoder;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Map;
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

  public static final Map<String, OnnxEncoder.Spec> CANDIDATES =
      Map.of(
          "e5-small-v2-q",
          OnnxEncoder.SHIPPED,
          "all-minilm-l6-v2-q",
          spec("all-minilm-l6-v2-q", PoolingMode.MEAN),
          "all-minilm-l6-v2",
          spec("all-minilm-l6-v2", PoolingMode.MEAN),
          "bge-small-en-v1.5-q",
          spec("bge-small-en-v1.5-q", PoolingMode.CLS));

  static final String SHORT = "Great reporting, but who pays for the new bridge in Koya?";

  @Param({"e5-small-v2-q", "all-minilm-l6-v2-q", "all-minilm-l6-v2", "bge-small-en-v1.5-q"})
  String encoder;

  private OnnxEncoder loaded;

  static OnnxEncoder.Spec spec(String name, PoolingMode pooling) {
    return new OnnxEncoder.Spec(name, "/" + name + ".onnx", "/" + name + "-tokenizer.json", pooling, "");
  }

  @Setup
  public void setUp() throws OnnxEncoder.Unavailable {
    loaded = OnnxEncoder.load(CANDIDATES.get(encoder), getClass().getClassLoader());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public float[] embedShortComment() {
    return loaded.embed(SHORT);
  }
}
