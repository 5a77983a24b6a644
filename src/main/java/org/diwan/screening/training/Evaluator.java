package org.diwan.screening.training;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.screening.Category;
import org.diwan.screening.Lexicons;
import org.diwan.screening.Screener;
import org.diwan.screening.Screening;
import org.diwan.screening.ScreeningInput;
import org.diwan.screening.internal.Head;

/**
 * Measures a {@link Screener} on the {@link Split#TEST} examples: per dataset and per code,
 * precision, recall and F1 at the operating thresholds and ROC-AUC; the headline figures each
 * dataset is known by; the identity-template false-positive rate; and off-topic separation.
 */
public final class Evaluator {

  /** Codes counting as "offensive" when a dataset only says offensive or not. */
  static final Set<Category> VIOLATIONS =
      Set.of(
          Category.PROFANITY,
          Category.VULGARITY,
          Category.THREAT,
          Category.PERSONAL_ATTACK,
          Category.ABUSE);

  private final Screener screener;
  private final PrintStream out;

  public Evaluator(Screener screener, PrintStream out) {
    this.screener = screener;
    this.out = out;
  }

  public void evaluate(List<Example> examples) {
    Map<String, List<Example>> byDataset = new LinkedHashMap<>();
    for (Example e : examples) {
      if (e.split() == Split.TEST) {
        byDataset.computeIfAbsent(e.dataset(), d -> new ArrayList<>()).add(e);
      }
    }
    out.println("model " + screener.version());
    out.printf(
        "%-24s %-16s %6s %6s %6s %6s %6s %6s%n",
        "dataset", "code", "n", "pos", "P", "R", "F1", "AUC");
    List<String> headlines = new ArrayList<>();
    for (Map.Entry<String, List<Example>> entry : byDataset.entrySet()) {
      headlines.addAll(evaluateDataset(entry.getKey(), entry.getValue()));
    }
    headlines.add(identityCheck());
    headlines.addAll(offTopic(byDataset.getOrDefault("fox_news", List.of())));
    out.println();
    headlines.forEach(out::println);
  }

  private List<String> evaluateDataset(String dataset, List<Example> test) {
    Map<String, Metrics> perCode = new LinkedHashMap<>();
    Metrics davidsonCorrect = new Metrics();
    int[][] confusion = new int[3][3];
    for (Example e : test) {
      Screening s = screener.screen(ScreeningInput.of(e.text()));
      for (Category c : Category.values()) {
        Head head = Head.of(c);
        if (head != null && e.label(head) >= 0) {
          perCode
              .computeIfAbsent(c.name(), k -> new Metrics())
              .add(s.score(c), s.flagged().contains(c), e.label(head) == 1);
        }
      }
      if (e.label(Head.OFFENSIVE) >= 0) {
        double score = 0;
        boolean any = false;
        for (Category c : VIOLATIONS) {
          score = Math.max(score, s.score(c));
          any |= s.flagged().contains(c);
        }
        perCode
            .computeIfAbsent("ANY_VIOLATION", k -> new Metrics())
            .add(score, any, e.label(Head.OFFENSIVE) == 1);
      }
      if (dataset.equals("davidson")) {
        boolean other =
            s.flagged().stream().anyMatch(c -> c != Category.ABUSE && VIOLATIONS.contains(c));
        int predicted = s.flagged().contains(Category.ABUSE) ? 0 : other ? 1 : 2;
        confusion[e.tag()][predicted]++;
      }
    }
    for (Map.Entry<String, Metrics> m : perCode.entrySet()) {
      Metrics x = m.getValue();
      out.printf(
          "%-24s %-16s %6d %6d %6.3f %6.3f %6.3f %6.3f%n",
          dataset,
          m.getKey(),
          x.count(),
          x.positives(),
          x.precision(),
          x.recall(),
          x.f1(),
          x.auc());
    }
    List<String> headlines = new ArrayList<>();
    Metrics any = perCode.get("ANY_VIOLATION");
    if (any != null && !dataset.equals("davidson")) {
      headlines.add(
          String.format(
              "%-24s offensive vs not: macro-F1 %.3f, AUC %.3f (n=%d)",
              dataset, any.macroF1(), any.auc(), any.count()));
    }
    if (dataset.equals("davidson")) {
      headlines.add(
          String.format(
              "%-24s 3-class weighted F1 %.3f (hate->ABUSE, offensive->other code)",
              dataset, weightedF1(confusion)));
    }
    Metrics promotion = perCode.get("PROMOTION");
    if (promotion != null && promotion.positives() > 0 && dataset.contains("spam")) {
      headlines.add(
          String.format(
              "%-24s PROMOTION F1 %.3f, AUC %.3f", dataset, promotion.f1(), promotion.auc()));
    }
    return headlines;
  }

  /** Davidson's annotators often label slurs "offensive", not hate: measure the model alone. */
  private double davidsonWithoutLists(List<Example> test) {
    Screener modelOnly = screener.withLexicons(Lexicons.empty());
    int[][] confusion = new int[3][3];
    for (Example e : test) {
      Set<Category> flagged = modelOnly.screen(ScreeningInput.of(e.text())).flagged();
      boolean other = flagged.stream().anyMatch(c -> c != Category.ABUSE && VIOLATIONS.contains(c));
      confusion[e.tag()][flagged.contains(Category.ABUSE) ? 0 : other ? 1 : 2]++;
    }
    return weightedF1(confusion);
  }

  static double weightedF1(int[][] confusion) {
    double total = 0;
    double weighted = 0;
    for (int c = 0; c < confusion.length; c++) {
      int support = 0;
      int predicted = 0;
      for (int k = 0; k < confusion.length; k++) {
        support += confusion[c][k];
        predicted += confusion[k][c];
      }
      int tp = confusion[c][c];
      double f1 = support + predicted == 0 ? 0 : 2.0 * tp / (support + predicted);
      weighted += f1 * support;
      total += support;
    }
    return total == 0 ? 0 : weighted / total;
  }

  private String identityCheck() {
    List<String> sentences = IdentityTemplates.evaluation();
    int abuse = 0;
    int any = 0;
    for (String sentence : sentences) {
      Set<Category> flagged = screener.screen(ScreeningInput.of(sentence)).flagged();
      abuse += flagged.contains(Category.ABUSE) ? 1 : 0;
      any += flagged.stream().anyMatch(VIOLATIONS::contains) ? 1 : 0;
    }
    return String.format(
        "%-24s ABUSE false-positive rate %.1f%% (%d/%d); any violation %.1f%%",
        "identity_templates",
        100.0 * abuse / sentences.size(),
        abuse,
        sentences.size(),
        100.0 * any / sentences.size());
  }

  /** Fox comments against their own article (on topic) and another thread's (off topic). */
  private List<String> offTopic(List<Example> fox) {
    List<String> contexts = fox.stream().map(Example::context).distinct().sorted().toList();
    if (contexts.size() < 2) {
      return List.of();
    }
    Metrics m = new Metrics();
    for (Example e : fox) {
      String other = contexts.get((contexts.indexOf(e.context()) + 1) % contexts.size());
      for (String context : List.of(e.context(), other)) {
        Screening s = screener.screen(new ScreeningInput(e.text(), context, null, "en"));
        m.add(
            s.score(Category.OFF_TOPIC),
            s.flagged().contains(Category.OFF_TOPIC),
            context.equals(other));
      }
    }
    return List.of(
        String.format(
            "%-24s OFF_TOPIC (own vs other thread's headline+summary): P %.3f R %.3f AUC %.3f, flagged %.1f%%",
            "fox_news", m.precision(), m.recall(), m.auc(), 100 * m.flaggedRate()));
  }
}
