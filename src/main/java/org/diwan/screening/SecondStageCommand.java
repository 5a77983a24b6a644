package org.diwan.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.diwan.screening.encoder.ConcatEncoder;
import org.diwan.screening.encoder.Encoder;
import org.diwan.screening.encoder.EnglishCheck;
import org.diwan.screening.encoder.OnnxEncoder;
import org.diwan.screening.encoder.SecondStageModel;
import org.diwan.screening.training.EmbeddingCache;
import org.diwan.screening.training.Example;
import org.diwan.screening.training.HeadTrainer;
import org.diwan.screening.training.SecondStageEvaluator;
import org.diwan.screening.training.SecondStageTrainer;
import org.diwan.screening.training.StackTrainer;
import org.diwan.screening.training.WrittenExamples;

/**
 * {@code screening train|evaluate --stage 2}: trains the second stage against the shipped first
 * stage, or measures both together. Embeddings are cached under {@code --cache} (default {@code
 * target/encoder-cache}), keyed by the SHA-256 of each text, so a rerun does not embed again.
 *
 * <pre>
 * screening train    --stage 2 [--data DIR] [--out FILE] [--hidden N] [--members N] [--epochs N] [--threads N]
 * screening evaluate --stage 2 [--data DIR] [--heads FILE] [--held-out DIR] [--threads N]
 * </pre>
 *
 * <p>Both take {@code --encoder ID}, one of {@link OnnxEncoder#CANDIDATES} or several joined by
 * {@code +} (their embeddings side by side), to measure another encoder than the shipped one; the
 * candidates' jars are on the classpath in the {@code bench} profile.
 */
final class SecondStageCommand {

  static final String DEFAULT_OUT = "src/main/resources/org/diwan/screening/encoder-heads.bin";
  static final String DEFAULT_HELD_OUT = "src/test/resources/org/diwan/screening/evaluation";
  static final String DEFAULT_CACHE = "target/encoder-cache";

  private SecondStageCommand() {}

  static void run(String command, List<Example> data, Map<String, String> options, PrintStream out)
      throws IOException {
    List<Example> examples = new ArrayList<>(data);
    examples.addAll(WrittenExamples.all());
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    Screener first = Screener.loadDefault();
    List<EmbeddingCache> caches = new ArrayList<>();
    Path cacheDir = Path.of(options.getOrDefault("cache", DEFAULT_CACHE));
    long started = System.nanoTime();
    try {
      for (String id : options.getOrDefault("encoder", OnnxEncoder.SHIPPED.id()).split("\\+")) {
        caches.add(
            new EmbeddingCache(
                OnnxEncoder.load(OnnxEncoder.spec(id), SecondStageCommand.class.getClassLoader()),
                cacheDir));
      }
      Encoder cache = caches.size() == 1 ? caches.get(0) : new ConcatEncoder(List.copyOf(caches));
      out.println(
          "embedding cache: "
              + caches.stream().mapToInt(EmbeddingCache::size).sum()
              + " texts known");
      if (command.equals("train")) {
        HeadTrainer.Settings d = HeadTrainer.Settings.defaults();
        HeadTrainer.Settings settings =
            new HeadTrainer.Settings(
                Integer.parseInt(options.getOrDefault("hidden", "" + d.hidden())),
                Integer.parseInt(options.getOrDefault("epochs", "" + d.epochs())),
                Double.parseDouble(options.getOrDefault("lr", "" + d.learningRate())),
                Double.parseDouble(options.getOrDefault("l2", "" + d.l2())),
                d.seed(),
                Integer.parseInt(options.getOrDefault("members", "" + d.members())));
        SecondStageModel model =
            new SecondStageTrainer(
                    settings,
                    threads,
                    Double.parseDouble(
                        options.getOrDefault("threat-beta", "" + StackTrainer.THREAT_BETA)),
                    out::println)
                .train(examples, cache, first);
        Path target = Path.of(options.getOrDefault("out", DEFAULT_OUT));
        if (target.getParent() != null) {
          Files.createDirectories(target.getParent());
        }
        try (OutputStream stream = Files.newOutputStream(target)) {
          model.write(stream);
        }
        out.printf(
            "wrote %s (%d bytes, version %s)%n", target, Files.size(target), model.version());
      } else {
        SecondStageModel model = model(options.get("heads"));
        if (!model.encoderId().equals(cache.id())) {
          throw new IOException(
              "the heads were trained on "
                  + model.encoderId()
                  + ", not "
                  + cache.id()
                  + "; pass --encoder "
                  + model.encoderId());
        }
        EncoderScreener second =
            EncoderScreener.create(
                cache, model, EnglishCheck.load(SecondStageCommand.class.getClassLoader()));
        new SecondStageEvaluator(first, second, out, threads)
            .evaluate(examples, Path.of(options.getOrDefault("held-out", DEFAULT_HELD_OUT)));
      }
      out.printf(
          "%s took %.0f s; embedded %d new texts%n",
          command,
          (System.nanoTime() - started) / 1e9,
          caches.stream().mapToInt(EmbeddingCache::added).sum());
    } catch (OnnxEncoder.Unavailable e) {
      throw new IOException(e.getMessage(), e);
    } finally {
      for (EmbeddingCache c : caches) {
        c.close();
      }
    }
  }

  private static SecondStageModel model(String file) throws IOException {
    try (InputStream in =
        file == null
            ? EncoderScreener.class.getResourceAsStream(EncoderScreener.MODEL_RESOURCE)
            : Files.newInputStream(Path.of(file))) {
      if (in == null) {
        throw new IOException("no second-stage model on the classpath; train one first");
      }
      return SecondStageModel.read(in);
    }
  }
}
