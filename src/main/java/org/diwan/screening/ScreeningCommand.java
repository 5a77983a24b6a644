package org.diwan.screening;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.diwan.screening.internal.LinearModel;
import org.diwan.screening.training.Datasets;
import org.diwan.screening.training.Evaluator;
import org.diwan.screening.training.Example;
import org.diwan.screening.training.IdentityTemplates;
import org.diwan.screening.training.Split;
import org.diwan.screening.training.ThresholdTuner;
import org.diwan.screening.training.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code screening} command: {@code train} builds the model from the labelled data, {@code
 * evaluate} measures a model on the held-out test splits.
 *
 * <pre>
 * screening train    [--data ../shared/data] [--out src/main/resources/org/diwan/screening/model.bin]
 * screening evaluate [--data ../shared/data] [--model path/to/model.bin]
 * </pre>
 *
 * <p>With {@code --stage 2} both train or evaluate the second stage instead ({@link
 * SecondStageCommand}), which takes the further options of {@link SecondStageOptions}.
 */
@Command(
    name = "screening",
    mixinStandardHelpOptions = true,
    description = "Train or evaluate the screening model.",
    subcommands = {ScreeningCommand.Train.class, ScreeningCommand.Evaluate.class})
public final class ScreeningCommand {

  static final String DEFAULT_DATA = "../shared/data";
  static final String DEFAULT_OUT = "src/main/resources/org/diwan/screening/model.bin";

  private ScreeningCommand() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command with its subcommands, for the jar's command line. */
  public static CommandLine commandLine() {
    return new CommandLine(new ScreeningCommand());
  }

  /** {@code screening train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = "Train the model on the labelled data and write it.")
  static final class Train implements Callable<Integer> {
    @Option(names = "--data", defaultValue = DEFAULT_DATA, description = "the labelled data")
    Path data;

    @Option(
        names = "--out",
        description = "where the model goes (default: the first or second stage's file in src)")
    Path out;

    @Mixin SecondStageOptions second;

    @Override
    public Integer call() {
      return run(
          "train",
          () -> {
            List<Example> examples = examples(data, System.out);
            if (second.stage == 2) {
              SecondStageCommand.run("train", examples, second.options(out), System.out);
            } else {
              train(examples, out != null ? out : Path.of(DEFAULT_OUT), System.out);
            }
          });
    }
  }

  /** {@code screening evaluate}. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = "Measure a model on the held-out test splits.")
  static final class Evaluate implements Callable<Integer> {
    @Option(names = "--data", defaultValue = DEFAULT_DATA, description = "the labelled data")
    Path data;

    @Option(names = "--model", description = "a model file (default: the one in the jar)")
    Path model;

    @Mixin SecondStageOptions second;

    @Override
    public Integer call() {
      return run(
          "evaluate",
          () -> {
            List<Example> examples = examples(data, System.out);
            if (second.stage == 2) {
              SecondStageCommand.run("evaluate", examples, second.options(null), System.out);
              return;
            }
            Screener screener =
                model != null
                    ? Screener.create(read(model), Lexicons.shipped())
                    : Screener.loadDefault();
            new Evaluator(screener, System.out).evaluate(examples);
          });
    }
  }

  /** Work that reads and writes files. */
  private interface Task {
    void run() throws IOException;
  }

  /** Runs {@code task}; 0 when it is done, 1 (with the reason) when it fails. */
  private static int run(String name, Task task) {
    try {
      task.run();
      return 0;
    } catch (IOException | RuntimeException e) {
      System.out.println("screening " + name + " failed: " + e);
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
