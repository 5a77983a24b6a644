package org.diwan.screening.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.diwan.screening.encoder.Encoder;
import org.diwan.screening.encoder.Windows;

/**
 * The English examples the second stage learns from and is measured on, and their embeddings: a
 * comment's windows embedded one by one (in parallel, on a fixed number of threads), as the
 * screener does at run time.
 */
public final class EnglishData {

  /** Datasets in English, the only language the encoder reads. */
  public static final Set<String> DATASETS =
      Set.of(
          "olid",
          "davidson",
          "ethos",
          "fox_news",
          "youtube_spam",
          "sms_spam",
          "jigsaw_sample",
          "identity_training",
          WrittenExamples.DATASET);

  private EnglishData() {}

  /** The English examples of {@code split}, in their original order. */
  public static List<Example> of(List<Example> examples, Split split) {
    List<Example> out = new ArrayList<>();
    for (Example e : examples) {
      if (e.split() == split && DATASETS.contains(e.dataset()) && Windows.readable(e.text())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Embeds every window of every example; the result is in the examples' order. */
  public static List<List<float[]>> embed(
      List<Example> examples, Encoder encoder, int threads, Consumer<String> log) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<float[]>>> futures = new ArrayList<>();
      for (Example e : examples) {
        futures.add(
            pool.submit(
                () -> {
                  List<float[]> windows = new ArrayList<>();
                  for (Windows.Span span : Windows.of(e.text())) {
                    windows.add(encoder.embed(span.of(e.text())));
                  }
                  return windows;
                }));
      }
      List<List<float[]>> out = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < futures.size(); i++) {
        out.add(futures.get(i).get());
        if ((i + 1) % 5000 == 0) {
          log.accept(
              String.format(
                  "embedded %d/%d (%.0f s)",
                  i + 1, futures.size(), (System.nanoTime() - started) / 1e9));
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("embedding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The mean of a comment's window embeddings, the input the heads learn from. */
  public static float[] mean(List<float[]> windows) {
    float[] mean = new float[windows.get(0).length];
    for (float[] w : windows) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += w[i] / windows.size();
      }
    }
    return mean;
  }
}
