package org.diwan.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.diwan.screening.internal.LinearModel;
import org.diwan.screening.training.Datasets;
import org.diwan.screening.training.Evaluator;
import org.diwan.screening.training.Example;
import org.diwan.screening.training.IdentityTemplates;
import org.diwan.screening.training.Split;
import org.diwan.screening.training.ThresholdTuner;
import org.diwan.screening.training.Trainer;

/**
 * The {@code screening} command: {@code train} builds the model from the labelled data, {@code
 * evaluate} measures a model on the held-out test splits.
 *
 * <pre>
 * screening train    [--data ../shared/data] [--out src/main/resources/org/diwan/screening/model.bin]
 * screening evaluate [--data ../shared/data] [--model path/to/model.bin]
 * </pre>
 */
public final class ScreeningCommand {

  static final String DEFAULT_DATA = "../shared/data";
  static final String DEFAULT_OUT = "src/main/resources/org/diwan/screening/model.bin";

  private ScreeningCommand() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a subcommand; returns the process exit code (0 ok, 1 failure, 2 usage). */
  public static int run(String... args) {
    PrintStream out = System.out;
    if (args.length == 0 || !(args[0].equals("train") || args[0].equals("evaluate"))) {
      out.println(
          "usage: screening train|evaluate [--data DIR] [--out FILE] [--model FILE] [--stage 2]");
      return 2;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        out.println("unexpected argument: " + args[i]);
        return 2;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    Path data = Path.of(options.getOrDefault("data", DEFAULT_DATA));
    try {
      List<Example> examples = examples(data, out);
      if ("2".equals(options.get("stage"))) {
        SecondStageCommand.run(args[0], examples, options, out);
      } else if (args[0].equals("train")) {
        train(examples, Path.of(options.getOrDefault("out", DEFAULT_OUT)), out);
      } else {
        Screener screener =
            options.containsKey("model")
                ? Screener.create(read(Path.of(options.get("model"))), Lexicons.shipped())
                : Screener.loadDefault();
        new Evaluator(screener, out).evaluate(examples);
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      out.println("screening " + args[0] + " failed: " + e);
      return 1;
    }
  }

  private static List<Example> examples(Path data, PrintStream out) throws IOException {
    if (!Files.isDirectory(data)) {
      throw new IOException("no data directory at " + data.toAbsolutePath());
    }
    List<Example> examples = new ArrayList<>(new Datasets(data, out::println).all());
    for (String sentence : IdentityTemplates.training()) {
      examples.add(
          new Example("identity_training", sentence, Example.clean(), Split.TRAIN, 0, null));
    }
    out.println("read " + examples.size() + " examples from " + data);
    return examples;
  }

  private static void train(List<Example> examples, Path target, PrintStream out)
      throws IOException {
    long started = System.nanoTime();
    LinearModel model = new Trainer(Trainer.Settings.defaults(), out::println).train(examples);
    model = new ThresholdTuner(out::println).tune(model, examples, Lexicons.shipped());
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    try (OutputStream stream = Files.newOutputStream(target)) {
      model.write(stream);
    }
    out.printf(
        "wrote %s (%d bytes, version %s) in %.1f s%n",
        target, Files.size(target), model.version(), (System.nanoTime() - started) / 1e9);
  }

  private static LinearModel read(Path path) throws IOException {
    try (var in = Files.newInputStream(path)) {
      return LinearModel.read(in);
    }
  }
}
