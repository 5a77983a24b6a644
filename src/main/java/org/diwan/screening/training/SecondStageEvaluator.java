package org.diwan.screening.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diwan.screening.Category;
import org.diwan.screening.CombinedScreening;
import org.diwan.screening.EncoderScreener;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;
import org.diwan.screening.ScreeningInput;
import org.diwan.screening.encoder.Signals;
import org.diwan.screening.internal.Head;

/**
 * Measures both stages together on the English {@link Split#TEST} examples and on Diwan's own
 * held-out sets (threats and clean news comments), through the same {@link EncoderScreener#screen}
 * the site calls: per dataset and code, the first stage's F1 and AUC beside the combined verdict's;
 * each dataset's headline figure; and the reliability of the combined probabilities.
 */
public final class SecondStageEvaluator {

  private static final Set<Category> VIOLATIONS = Signals.VIOLATIONS;

  private final Screener first;
  private final EncoderScreener second;
  private final PrintStream out;
  private final int threads;

  public SecondStageEvaluator(
      Screener first, EncoderScreener second, PrintStream out, int threads) {
    this.first = first;
    this.second = second;
    this.out = out;
    this.threads = threads;
  }

  /** Both stages' verdicts on one input. */
  record Pair(Screening first, CombinedScreening combined) {}

  public void evaluate(List<Example> examples, Path heldOut) throws IOException {
    List<Example> test = EnglishData.of(examples, Split.TEST);
    out.println("model " + second.version() + " over " + first.version());
    List<Pair> pairs = screen(test.stream().map(e -> ScreeningInput.of(e.text())).toList());
    Map<String, List<Integer>> byDataset = new LinkedHashMap<>();
    for (int i = 0; i < test.size(); i++) {
      byDataset.computeIfAbsent(test.get(i).dataset(), k -> new ArrayList<>()).add(i);
    }
    out.printf(
        "%-14s %-16s %5s %5s | first %6s %6s | combined %6s %6s %6s %6s%n",
        "dataset", "code", "n", "pos", "F1", "AUC", "P", "R", "F1", "AUC");
    List<String> headlines = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : byDataset.entrySet()) {
      headlines.addAll(dataset(e.getKey(), e.getValue(), test, pairs));
    }
    out.println();
    headlines.forEach(out::println);
    heldOut(heldOut);
    reliability(test, pairs);
    offTopic(examples);
  }

  private List<Pair> screen(List<ScreeningInput> inputs) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Pair>> futures = new ArrayList<>();
      for (ScreeningInput input : inputs) {
        futures.add(
            pool.submit(
                () -> {
                  Screening s = first.screen(input);
                  return new Pair(s, second.screen(input, s));
                }));
      }
      List<Pair> pairs = new ArrayList<>();
      for (Future<Pair> f : futures) {
        pairs.add(f.get());
      }
      return pairs;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> dataset(
      String dataset, List<Integer> rows, List<Example> test, List<Pair> pairs) {
    Map<String, Metrics[]> perCode = new LinkedHashMap<>();
    int[][] firstConfusion = new int[3][3];
    int[][] combinedConfusion = new int[3][3];
    for (int i : rows) {
      Example e = test.get(i);
      Pair p = pairs.get(i);
      for (Category c : Category.values()) {
        Head head = Head.of(c);
        if (head != null && e.label(head) >= 0) {
          Metrics[] m = perCode.computeIfAbsent(c.name(), k -> metrics());
          boolean actual = e.label(head) == 1;
          m[0].add(p.first().score(c), p.first().flagged().contains(c), actual);
          m[1].add(p.combined().score(c), p.combined().flagged().contains(c), actual);
        }
      }
      if (e.label(Head.OFFENSIVE) >= 0) {
        Metrics[] m = perCode.computeIfAbsent("ANY_VIOLATION", k -> metrics());
        boolean actual = e.label(Head.OFFENSIVE) == 1;
        m[0].add(maxViolation(p.first().scores()), anyViolation(p.first().flagged()), actual);
        m[1].add(maxViolation(p.combined().scores()), anyViolation(p.combined().flagged()), actual);
      }
      if (dataset.equals("davidson")) {
        firstConfusion[e.tag()][davidsonClass(p.first().flagged())]++;
        combinedConfusion[e.tag()][davidsonClass(p.combined().flagged())]++;
      }
    }
    for (Map.Entry<String, Metrics[]> m : perCode.entrySet()) {
      Metrics f = m.getValue()[0];
      Metrics c = m.getValue()[1];
      out.printf(
          "%-14s %-16s %5d %5d | first %6.3f %6.3f | combined %6.3f %6.3f %6.3f %6.3f%n",
          dataset,
          m.getKey(),
          c.count(),
          c.positives(),
          f.f1(),
          f.auc(),
          c.precision(),
          c.recall(),
          c.f1(),
          c.auc());
    }
    List<String> headlines = new ArrayList<>();
    Metrics[] any = perCode.get("ANY_VIOLATION");
    if (dataset.equals("davidson")) {
      headlines.add(
          String.format(
              "%-14s 3-class weighted F1: first %.3f, combined %.3f",
              dataset,
              Evaluator.weightedF1(firstConfusion),
              Evaluator.weightedF1(combinedConfusion)));
    } else if (any != null) {
      headlines.add(
          String.format(
              "%-14s offensive vs not macro-F1: first %.3f, combined %.3f (AUC %.3f -> %.3f, n=%d)",
              dataset,
              any[0].macroF1(),
              any[1].macroF1(),
              any[0].auc(),
              any[1].auc(),
              any[1].count()));
    }
    Metrics[] promotion = perCode.get("PROMOTION");
    if (promotion != null && dataset.contains("spam")) {
      headlines.add(
          String.format(
              "%-14s PROMOTION F1: first %.3f, combined %.3f",
              dataset, promotion[0].f1(), promotion[1].f1()));
    }
    return headlines;
  }

  /** Diwan's own held-out sets: threat recall and the clean false-positive rate. */
  private void heldOut(Path directory) throws IOException {
    Path threats = directory.resolve("threats.en.tsv");
    Path clean = directory.resolve("clean.en.tsv");
    if (!Files.exists(threats) || !Files.exists(clean)) {
      out.println("held-out sets not found under " + directory + "; skipped");
      return;
    }
    out.println();
    Map<String, int[]> threatCounts = new LinkedHashMap<>();
    List<String[]> threatRows = rows(threats);
    List<Pair> threatPairs = screen(threatRows.stream().map(r -> ScreeningInput.of(r[3])).toList());
    for (int i = 0; i < threatRows.size(); i++) {
      Pair p = threatPairs.get(i);
      for (String kind : List.of("all", threatRows.get(i)[2])) {
        int[] c = threatCounts.computeIfAbsent(kind, k -> new int[4]);
        c[0]++;
        c[1] += p.first().flagged().contains(Category.THREAT) ? 1 : 0;
        c[2] += p.combined().flagged().contains(Category.THREAT) ? 1 : 0;
        c[3] += anyViolation(p.combined().flagged()) ? 1 : 0;
      }
    }
    for (Map.Entry<String, int[]> e : threatCounts.entrySet()) {
      int[] c = e.getValue();
      out.printf(
          "threats.en %-9s THREAT recall: first %.3f, combined %.3f (%d/%d); any violation %.3f%n",
          e.getKey(), ratio(c[1], c[0]), ratio(c[2], c[0]), c[2], c[0], ratio(c[3], c[0]));
    }
    Map<String, int[]> cleanCounts = new LinkedHashMap<>();
    List<String[]> cleanRows = rows(clean);
    List<Pair> cleanPairs = screen(cleanRows.stream().map(r -> ScreeningInput.of(r[2])).toList());
    for (int i = 0; i < cleanRows.size(); i++) {
      Pair p = cleanPairs.get(i);
      for (String kind : List.of("all", cleanRows.get(i)[1])) {
        int[] c = cleanCounts.computeIfAbsent(kind, k -> new int[4]);
        c[0]++;
        c[1] += p.first().flagged().isEmpty() ? 0 : 1;
        c[2] += p.combined().flagged().isEmpty() ? 0 : 1;
        c[3] += p.combined().flagged().contains(Category.THREAT) ? 1 : 0;
      }
    }
    for (Map.Entry<String, int[]> e : cleanCounts.entrySet()) {
      int[] c = e.getValue();
      out.printf(
          "clean.en %-12s flagged (any code): first %.3f, combined %.3f (%d/%d); THREAT %.3f%n",
          e.getKey(), ratio(c[1], c[0]), ratio(c[2], c[0]), c[2], c[0], ratio(c[3], c[0]));
    }
  }

  /** Reliability of the combined probabilities on the test split: 10 equal-width bins. */
  private void reliability(List<Example> test, List<Pair> pairs) {
    out.println();
    out.println("reliability of the combined probability (English test split, scored comments)");
    List<double[]> pooled = new ArrayList<>();
    for (Category c : Category.values()) {
      Head head = Head.of(c);
      if (head == null) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        CombinedScreening s = pairs.get(i).combined();
        if (test.get(i).label(head) >= 0 && s.calibrated().contains(c)) {
          points.add(new double[] {s.score(c), test.get(i).label(head)});
        }
      }
      pooled.addAll(points);
      bins(c.name(), points);
    }
    bins("all codes", pooled);
  }

  private void bins(String name, List<double[]> points) {
    if (points.isEmpty()) {
      return;
    }
    double[] sumP = new double[10];
    double[] sumY = new double[10];
    int[] n = new int[10];
    for (double[] p : points) {
      int b = Math.min(9, (int) (p[0] * 10));
      sumP[b] += p[0];
      sumY[b] += p[1];
      n[b]++;
    }
    StringBuilder line = new StringBuilder();
    double ece = 0;
    for (int b = 0; b < 10; b++) {
      if (n[b] > 0) {
        line.append(
            String.format(
                " | %.1f-%.1f n=%d %.3f/%.3f",
                b / 10.0, (b + 1) / 10.0, n[b], sumP[b] / n[b], sumY[b] / n[b]));
        ece += Math.abs(sumP[b] - sumY[b]) / points.size();
      }
    }
    out.printf(
        "%-16s n=%d ECE %.3f (bin n predicted/observed)%s%n", name, points.size(), ece, line);
  }

  /** Fox News comments against their own thread's headline and summary, and another's. */
  private void offTopic(List<Example> examples) {
    List<Example> fox =
        examples.stream()
            .filter(e -> e.dataset().equals("fox_news") && e.split() == Split.TEST)
            .toList();
    List<String> contexts =
        examples.stream()
            .filter(e -> e.dataset().equals("fox_news"))
            .map(Example::context)
            .distinct()
            .sorted()
            .toList();
    if (fox.isEmpty() || contexts.size() < 2) {
      return;
    }
    List<ScreeningInput> inputs = new ArrayList<>();
    List<Boolean> off = new ArrayList<>();
    for (Example e : fox) {
      String other = contexts.get((contexts.indexOf(e.context()) + 1) % contexts.size());
      inputs.add(new ScreeningInput(e.text(), e.context(), null, "en"));
      off.add(false);
      inputs.add(new ScreeningInput(e.text(), other, null, "en"));
      off.add(true);
    }
    List<Pair> pairs = screen(inputs);
    Metrics first = new Metrics();
    Metrics combined = new Metrics();
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      first.add(
          p.first().score(Category.OFF_TOPIC),
          p.first().flagged().contains(Category.OFF_TOPIC),
          off.get(i));
      combined.add(
          p.combined().score(Category.OFF_TOPIC),
          p.combined().flagged().contains(Category.OFF_TOPIC),
          off.get(i));
    }
    out.println();
    out.printf(
        "fox_news OFF_TOPIC (own vs other thread's headline+summary): first P %.3f R %.3f AUC %.3f"
            + " flagged %.1f%%; combined P %.3f R %.3f AUC %.3f flagged %.1f%%%n",
        first.precision(),
        first.recall(),
        first.auc(),
        100 * first.flaggedRate(),
        combined.precision(),
        combined.recall(),
        combined.auc(),
        100 * combined.flaggedRate());
  }

  private static List<String[]> rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  private static Metrics[] metrics() {
    return new Metrics[] {new Metrics(), new Metrics()};
  }

  private static int davidsonClass(Set<Category> flagged) {
    boolean other = flagged.stream().anyMatch(c -> c != Category.ABUSE && VIOLATIONS.contains(c));
    return flagged.contains(Category.ABUSE) ? 0 : other ? 1 : 2;
  }

  private static boolean anyViolation(Set<Category> flagged) {
    return flagged.stream().anyMatch(VIOLATIONS::contains);
  }

  private static double maxViolation(Map<Category, Double> scores) {
    double max = 0;
    for (Category c : VIOLATIONS) {
      max = Math.max(max, scores.getOrDefault(c, 0.0));
    }
    return max;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
