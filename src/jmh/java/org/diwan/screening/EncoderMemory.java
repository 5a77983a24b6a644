package org.diwan.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.diwan.screening.encoder.OnnxEncoder;

/**
 * Prints the heap and resident memory the second stage takes once loaded and warmed by one
 * screening: used heap after {@code System.gc()} and the process's VmRSS, before and after. With
 * an encoder's name (one of {@code OnnxEncoder.CANDIDATES}), that encoder alone, warmed by one
 * embedding.
 *
 * <p>Run (after {@code ./mvnw -Pbench test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp-bench.txt -Dmdep.includeScope=test}): {@code java -Xmx256m -cp
 * target/test-classes:target/classes:$(cat target/cp-bench.txt) org.diwan.screening.EncoderMemory
 * [encoder]}
 */
public final class EncoderMemory {

  private EncoderMemory() {}

  public static void main(String[] args) throws Exception {
    Screener first = Screener.loadDefault();
    ScreeningInput input = ScreeningInput.of(ScreenerBenchmark.MEDIUM);
    Screening screening = first.screen(input);
    long heapBefore = usedHeap();
    long rssBefore = rss();
    String name;
    Object loaded;
    if (args.length > 0) {
      OnnxEncoder encoder =
          OnnxEncoder.load(
              OnnxEncoder.spec(args[0]),
              EncoderMemory.class.getClassLoader());
      encoder.embed(ScreenerBenchmark.MEDIUM);
      name = "encoder " + args[0];
      loaded = encoder;
    } else {
      EncoderScreener second = EncoderScreener.loadDefault();
      second.screen(input, screening);
      name = "second stage " + second.version();
      loaded = second;
    }
    long heapAfter = usedHeap();
    long rssAfter = rss();
    java.lang.ref.Reference.reachabilityFence(loaded); // measured while still in use
    System.out.printf(
        "%s: heap +%.1f MB (%.1f -> %.1f), RSS +%.1f MB (%.1f -> %.1f)%n",
        name,
        (heapAfter - heapBefore) / 1e6,
        heapBefore / 1e6,
        heapAfter / 1e6,
        (rssAfter - rssBefore) / 1e6,
        rssBefore / 1e6,
        rssAfter / 1e6);
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** VmRSS from /proc/self/status, in bytes (Linux). */
  private static long rss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}
