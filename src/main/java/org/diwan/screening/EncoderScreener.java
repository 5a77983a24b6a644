package org.diwan.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.diwan.screening.encoder.Encoder;
import org.diwan.screening.encoder.EnglishCheck;
import org.diwan.screening.encoder.OnnxEncoder;
import org.diwan.screening.encoder.Relevance;
import org.diwan.screening.encoder.SecondStageModel;
import org.diwan.screening.encoder.Signals;
import org.diwan.screening.encoder.Stack;
import org.diwan.screening.encoder.Windows;
import org.diwan.screening.internal.Head;

/**
 * The second screening stage: reads an English comment with a pretrained sentence encoder (run in
 * process; its weights ship in a jar, nothing is downloaded), scores it with heads trained on the
 * labelled data, and combines those scores with the first stage's by a stacked model fitted on the
 * validation split. For English comments with article text it also judges relevance by meaning.
 *
 * <p>Loading never throws: a missing or corrupt model, or an encoder that cannot start, leaves an
 * instance that is not {@link #available()} and says why in {@link #status()}. {@link #screen}
 * never throws either; anything it cannot read it leaves to the first stage, and says so in the
 * result's {@link CombinedScreening#outcome()}.
 *
 * <p>Immutable and thread-safe; share one instance. Cost, on the calling thread (ONNX Runtime with
 * one intra-op thread): one encoder pass per window of up to {@value
 * org.diwan.screening.encoder.Windows#MAX_WORDS} words, about 5 ms for a one-sentence comment and
 * 21 ms for 300 characters on one core of the benchmark machine (BENCHMARKS.md); one more pass per
 * sentence for the evidence of a code only this stage flags, and per window of an article the first
 * time it is seen. Loading takes about 0.6 s; once loaded it holds about 7 MB of heap and about 185
 * MB of native memory (ONNX Runtime, the tokenizer and the weights).
 */
public final class EncoderScreener {

  static final String MODEL_RESOURCE = "encoder-heads.bin";

  /** Categories the second stage scores itself; the rest come from the first stage. */
  private static final Set<Category> UNSCORED = EnumSet.of(Category.VULGARITY);

  /** A comment with more sentences than this is read window by window for evidence instead. */
  private static final int MAX_EVIDENCE_SENTENCES = 12;

  /**
   * Windows read per comment: about 40,000 characters, eight times the longest comment the site
   * accepts, so every window of a real comment is read; beyond that the rest is left unread.
   */
  static final int MAX_WINDOWS = 128;

  private final Encoder encoder;
  private final SecondStageModel model;
  private final EnglishCheck english;
  private final Relevance relevance;
  private final String status;

  private EncoderScreener(
      Encoder encoder, SecondStageModel model, EnglishCheck english, String status) {
    this.encoder = encoder;
    this.model = model;
    this.english = english;
    this.relevance =
        encoder == null ? null : new Relevance(encoder, model.relevance(), model.center());
    this.status = status;
  }

  /** The second stage shipped in the jar; never throws (see {@link #available()}). */
  public static EncoderScreener loadDefault() {
    return load(MODEL_RESOURCE);
  }

  /**
   * The shipped encoder with the heads in {@code heads}, a resource beside this class or, after
   * {@code file:}, a file (heads retrained with {@code screening train --stage 2 --out FILE});
   * never throws (a missing or corrupt one leaves the stage down).
   */
  public static EncoderScreener load(String heads) {
    return load(EncoderScreener.class.getClassLoader(), OnnxEncoder.SHIPPED, heads);
  }

  /** Loads from {@code loader}'s classpath; never throws. */
  static EncoderScreener load(ClassLoader loader, OnnxEncoder.Spec spec, String heads) {
    try {
      SecondStageModel model = readModel(heads);
      if (!model.encoderId().equals(spec.id())) {
        return down("heads were trained on " + model.encoderId() + ", not " + spec.id());
      }
      return create(OnnxEncoder.load(spec, loader), model, EnglishCheck.load(loader));
    } catch (OnnxEncoder.Unavailable e) {
      return down(e.getMessage());
    } catch (IOException e) {
      return down("second-stage model unreadable: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return down("second stage cannot start: " + e.getClass().getSimpleName());
    }
  }

  /** A second stage over a given encoder and model, for the trainer, evaluator and tests. */
  public static EncoderScreener create(
      Encoder encoder, SecondStageModel model, EnglishCheck english) {
    return new EncoderScreener(encoder, model, english, "up");
  }

  private static EncoderScreener down(String why) {
    return new EncoderScreener(null, null, null, why);
  }

  private static SecondStageModel readModel(String resource) throws IOException {
    if (resource.startsWith("file:")) {
      try (InputStream in = java.nio.file.Files.newInputStream(Path.of(resource.substring(5)))) {
        return SecondStageModel.read(in);
      }
    }
    try (InputStream in = EncoderScreener.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing " + resource);
      }
      return SecondStageModel.read(in);
    }
  }

  /** Whether the stage can score; when false every result is the first stage's. */
  public boolean available() {
    return model != null;
  }

  /** "up", or why the stage is down. */
  public String status() {
    return status;
  }

  /** The second stage's version: its model's checksum and the encoder, or "down". */
  public String version() {
    return available() ? model.version() + "+" + model.encoderId() : "down";
  }

  /**
   * Scores {@code input} with the encoder and combines the result with {@code first}, the first
   * stage's screening of the same input. Never throws, never returns null.
   */
  public CombinedScreening screen(ScreeningInput input, Screening first) {
    String version = first.version() + "+" + version();
    if (!available()) {
      return CombinedScreening.firstOnly(first, SecondStageOutcome.UNAVAILABLE, status, version);
    }
    if (first.failed()) {
      return CombinedScreening.firstOnly(
          first, SecondStageOutcome.FIRST_STAGE_FAILED, "first stage failed", version);
    }
    String text = input.text();
    List<Windows.Span> windows = Windows.of(text);
    if (windows.size() > MAX_WINDOWS) {
      windows = windows.subList(0, MAX_WINDOWS);
    }
    if (windows.isEmpty()) {
      return CombinedScreening.firstOnly(
          first, SecondStageOutcome.NOTHING_TO_READ, "no letters or digits to read", version);
    }
    if (!"en".equals(first.language()) || !english.english(text)) {
      String language = "en".equals(first.language()) ? "not English" : first.language();
      return CombinedScreening.firstOnly(
          first,
          SecondStageOutcome.LANGUAGE_NOT_COVERED,
          "the encoder reads English; this comment reads as " + language,
          version);
    }
    try {
      return combine(input, first, windows, version);
    } catch (RuntimeException | OutOfMemoryError e) {
      return CombinedScreening.firstOnly(
          first,
          SecondStageOutcome.FAILED,
          "encoder failed: " + e.getClass().getSimpleName(),
          version);
    }
  }

  private CombinedScreening combine(
      ScreeningInput input, Screening first, List<Windows.Span> windows, String version) {
    String text = input.text();
    Reading reading = new Reading(text);
    double[] logits = null;
    for (Windows.Span window : windows) {
      // The worst window speaks for the comment: a threat hidden in a long text still counts.
      double[] w = model.heads().logits(reading.embed(window));
      if (logits == null) {
        logits = w;
      } else {
        for (int k = 0; k < w.length; k++) {
          logits[k] = Math.max(logits[k], w[k]);
        }
      }
    }
    boolean sameFirstStage = model.firstStageVersion().equals(first.version());
    Map<Category, Double> own = new EnumMap<>(Category.class);
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    Set<Category> calibrated = EnumSet.noneOf(Category.class);
    Set<Category> flagged = EnumSet.noneOf(Category.class);
    double overall = model.overall().probability(Signals.overall(first, logits));
    boolean agrees = overall >= model.overall().threshold();
    for (Category c : Category.values()) {
      Stack stack = model.stacks().get(c);
      double score = first.score(c);
      if (stack != null) {
        own.put(c, round(sigmoid(logits[Head.of(c).ordinal()])));
        score = stack.probability(Signals.of(c, first, logits));
        if (sameFirstStage) {
          calibrated.add(c);
        }
        boolean passes = score >= stack.threshold() && (agrees || !Signals.needsAgreement(c));
        if (passes || forcedByWordList(first, c)) {
          flagged.add(c);
        }
      } else if (UNSCORED.contains(c) && first.flagged().contains(c)) {
        flagged.add(c);
      }
      scores.put(c, round(score));
    }
    if (agrees && flagged.stream().noneMatch(VIOLATIONS::contains)) {
      // Offensive without a code passing its own threshold: the code nearest its threshold, unless
      // that is THREAT or its score is far below its threshold. Either way the moderator would be
      // given a reason the comment lacks.
      Category named = Signals.agreementFlags(model.stacks(), scores::get, model.nearestFloor());
      if (named != null) {
        flagged.add(named);
      }
    }
    OffTopic offTopic = offTopic(input, reading, windows, first);
    if (offTopic != null) {
      own.put(Category.OFF_TOPIC, round(offTopic.score));
      scores.put(Category.OFF_TOPIC, round(offTopic.score));
      if (offTopic.score >= 0.5) {
        flagged.add(Category.OFF_TOPIC);
      }
    } else if (first.flagged().contains(Category.OFF_TOPIC)) {
      flagged.add(Category.OFF_TOPIC);
    }
    List<Evidence> evidence = evidence(first, flagged, logits, reading, offTopic != null);
    if (offTopic != null && flagged.contains(Category.OFF_TOPIC)) {
      evidence.addAll(offTopicEvidence(offTopic, evidence));
    }
    evidence.sort(Comparator.comparingInt(Evidence::start).thenComparing(Evidence::category));
    return new CombinedScreening(
        first,
        SecondStageOutcome.SCORED,
        sameFirstStage ? "" : "stacks were fitted with first stage " + model.firstStageVersion(),
        own,
        scores,
        calibrated,
        flagged,
        flagged.contains(Category.ABUSE) ? kinds(first, logits) : Set.of(),
        evidence,
        version);
  }

  private static final Set<Category> VIOLATIONS = Signals.VIOLATIONS;

  /** A first-stage flag its own score does not explain came from an admin's banned word. */
  private boolean forcedByWordList(Screening first, Category c) {
    return first.flagged().contains(c) && first.score(c) < model.firstThreshold(c);
  }

  private Set<AbuseKind> kinds(Screening first, double[] logits) {
    Set<AbuseKind> kinds = EnumSet.noneOf(AbuseKind.class);
    kinds.addAll(first.abuseKinds());
    AbuseKind likeliest = null;
    for (AbuseKind k : AbuseKind.values()) {
      double p = sigmoid(logits[Head.valueOf(k.name()).ordinal()]);
      if (p >= model.kindThreshold(k)) {
        kinds.add(k);
      }
      if (likeliest == null || p > sigmoid(logits[Head.valueOf(likeliest.name()).ordinal()])) {
        likeliest = k;
      }
    }
    if (kinds.isEmpty() && sigmoid(logits[Head.valueOf(likeliest.name()).ordinal()]) >= 0.2) {
      kinds.add(likeliest);
    }
    return kinds;
  }

  /** Relevance by meaning for English comments with article text; null when not judged. */
  private OffTopic offTopic(
      ScreeningInput input, Reading reading, List<Windows.Span> windows, Screening first) {
    if (!input.hasArticle() || !Relevance.judges(words(input.text()))) {
      return null;
    }
    double best = -1;
    for (Windows.Span window : windows) {
      best =
          Math.max(
              best,
              relevance.similarity(
                  reading.embed(window), input.articleHeadline(), input.articleBody()));
    }
    return new OffTopic(relevance.score(best), input, reading);
  }

  private record OffTopic(double score, ScreeningInput input, Reading reading) {}

  /**
   * The first stage's evidence for what stays flagged (its whole-comment off-topic span replaced
   * when this stage judged relevance), and for a code only this stage flagged, the sentence its
   * head scores highest.
   */
  private List<Evidence> evidence(
      Screening first, Set<Category> flagged, double[] logits, Reading reading, boolean judged) {
    List<Evidence> evidence = new ArrayList<>();
    for (Evidence e : first.evidence()) {
      if (flagged.contains(e.category()) && !(judged && e.category() == Category.OFF_TOPIC)) {
        evidence.add(e);
      }
    }
    for (Category c : flagged) {
      Head head = Head.of(c);
      boolean shown = evidence.stream().anyMatch(e -> e.category() == c);
      if (head == null || shown) {
        continue;
      }
      Windows.Span best = null;
      double bestLogit = Double.NEGATIVE_INFINITY;
      for (Windows.Span sentence : reading.sentences()) {
        double logit = model.heads().logits(reading.embed(sentence))[head.ordinal()];
        if (logit > bestLogit) {
          bestLogit = logit;
          best = sentence;
        }
      }
      if (best != null) {
        evidence.add(new Evidence(c, best.start(), best.end()));
      }
    }
    return evidence;
  }

  /** The sentences least related to the article, cut around every other category's evidence. */
  private List<Evidence> offTopicEvidence(OffTopic offTopic, List<Evidence> others) {
    ScreeningInput input = offTopic.input();
    Reading reading = offTopic.reading();
    List<Windows.Span> sentences = reading.sentences();
    List<Windows.Span> chosen = new ArrayList<>();
    Windows.Span least = null;
    double leastScore = -1;
    for (Windows.Span sentence : sentences) {
      double score =
          sentences.size() == 1
              ? offTopic.score()
              : relevance.score(
                  relevance.similarity(
                      reading.embed(sentence), input.articleHeadline(), input.articleBody()));
      if (score >= 0.5) {
        chosen.add(sentence);
      }
      if (score > leastScore) {
        leastScore = score;
        least = sentence;
      }
    }
    if (chosen.isEmpty() && least != null) {
      chosen.add(least);
    }
    List<Evidence> out = new ArrayList<>();
    for (Windows.Span span : chosen) {
      int start = span.start();
      List<Evidence> inside =
          others.stream()
              .filter(e -> e.end() > span.start() && e.start() < span.end())
              .sorted(Comparator.comparingInt(Evidence::start))
              .toList();
      for (Evidence e : inside) {
        if (e.start() > start) {
          out.add(new Evidence(Category.OFF_TOPIC, start, e.start()));
        }
        start = Math.max(start, e.end());
      }
      if (start < span.end()) {
        out.add(new Evidence(Category.OFF_TOPIC, start, span.end()));
      }
    }
    return out;
  }

  private static int words(String text) {
    int words = 0;
    for (String w : text.strip().split("\\s+")) {
      words += Windows.readable(w) ? 1 : 0;
    }
    return words;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double round(double score) {
    return Math.round(score * 10000) / 10000.0;
  }

  /** One comment's embeddings, computed once per span it needs; one per screen() call. */
  private final class Reading {
    private final String text;
    private final Map<Windows.Span, float[]> embedded = new java.util.HashMap<>();
    private List<Windows.Span> sentences;

    Reading(String text) {
      this.text = text;
    }

    float[] embed(Windows.Span span) {
      return embedded.computeIfAbsent(span, s -> encoder.embed(s.of(text)));
    }

    /** The sentences, or the windows when there are too many sentences to read one by one. */
    List<Windows.Span> sentences() {
      if (sentences == null) {
        List<Windows.Span> all = Windows.sentences(text);
        sentences = all.size() > MAX_EVIDENCE_SENTENCES ? Windows.of(text) : all;
      }
      return sentences;
    }
  }
}
