package org.diwan.screening;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code screening train|evaluate} take for the second stage ({@code --stage 2}). */
final class SecondStageOptions {

  @Option(
      names = "--stage",
      defaultValue = "1",
      description = "1: the n-gram model (default); 2: the encoder's heads and stacks")
  int stage;

  @Option(names = "--threads", description = "threads that embed texts (default 2)")
  Integer threads;

  @Option(names = "--cache", description = "where embeddings are kept between runs")
  Path cache;

  @Option(names = "--heads", description = "evaluate these heads instead of the jar's")
  Path heads;

  @Option(names = "--held-out", description = "the folder of Diwan's held-out evaluation sets")
  Path heldOut;

  @Option(names = "--hidden", description = "hidden units per head")
  Integer hidden;

  @Option(names = "--members", description = "networks trained from successive seeds, averaged")
  Integer members;

  @Option(names = "--epochs", description = "training epochs")
  Integer epochs;

  @Option(names = "--lr", description = "learning rate")
  Double learningRate;

  @Option(names = "--l2", description = "L2 penalty")
  Double l2;

  @Option(names = "--threat-beta", description = "the F-beta that sets the THREAT threshold")
  Double threatBeta;

  @Option(
      names = "--encoder",
      description = "the encoder, or several joined by + (default: the shipped one)")
  String encoder;

  /** The options given, by the names {@link SecondStageCommand} reads; {@code out} may be null. */
  Map<String, String> options(Path out) {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "out", out);
    put(given, "threads", threads);
    put(given, "cache", cache);
    put(given, "heads", heads);
    put(given, "held-out", heldOut);
    put(given, "hidden", hidden);
    put(given, "members", members);
    put(given, "epochs", epochs);
    put(given, "lr", learningRate);
    put(given, "l2", l2);
    put(given, "threat-beta", threatBeta);
    put(given, "encoder", encoder);
    return given;
  }

  private static void put(Map<String, String> options, String name, Object value) {
    if (value != null) {
      options.put(name, value.toString());
    }
  }
}
