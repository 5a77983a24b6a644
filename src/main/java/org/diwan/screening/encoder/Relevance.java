package org.diwan.screening.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Off-topic by meaning: the cosine between a comment's embedding and the article's (its headline,
 * and its body window by window), or a stock reaction to a news story (thanks, praise, sympathy, a
 * question about what happened), whichever is nearer. A comment of fewer than {@link #MIN_WORDS}
 * words is never judged.
 *
 * <p>Embeddings are compared after subtracting the mean embedding of the training comments: E5's
 * raw cosines crowd into 0.7–0.95 for any two texts, centred ones spread out (unrelated texts near
 * 0.1–0.25, a comment on the story 0.35 and up).
 *
 * <p>Thread-safe. Each article's embeddings are kept, keyed by its text, until {@link
 * #CACHED_ARTICLES} are held; then all are dropped.
 */
public final class Relevance {

  public static final int MIN_WORDS = 4;
  static final int CACHED_ARTICLES = 256;

  /** The article body is read up to this many windows: the lead carries the story. */
  static final int ARTICLE_WINDOWS = 6;

  /**
   * Where the score ramps: at or above {@code onTopic} cosine a comment scores 0, at or below
   * {@code offTopic} 1; halfway it reaches 0.5, the flagging threshold.
   */
  public record Calibration(double onTopic, double offTopic) {

    /**
     * Set by hand on comments written for Diwan under articles written for Diwan (the tests'):
     * centred cosines of on-topic comments, praise and questions were 0.33 and up, of unrelated
     * ones (sport, birthdays, spam, a dentist) at most 0.24. Fox News thread titles, the only
     * labelled pairs in the data, are too alike (all US politics) to set it.
     */
    public static final Calibration DEFAULT = new Calibration(0.36, 0.20);

    public Calibration {
      if (!(offTopic < onTopic)) {
        throw new IllegalArgumentException("off-topic cosine must be below on-topic");
      }
    }
  }

  /** Written for Diwan: how readers react to any story without naming its subject. */
  static final List<String> REACTIONS =
      List.of(
          "Thank you for this report.",
          "Great article, well written and clear.",
          "Excellent reporting, thank you to the journalist.",
          "Very sad news. My thoughts are with the families.",
          "Is there any update on this story?",
          "Where exactly did this happen?",
          "When did this happen and who confirmed it?",
          "Good news at last.",
          "This is shocking, I had no idea.",
          "Please keep following this story.",
          "I completely agree with this article.",
          "I disagree with the author's conclusion.");

  private final Encoder encoder;
  private final Calibration calibration;
  private final float[] center;
  private final List<float[]> reactions;
  private final Map<ArticleText, List<float[]>> articles = new ConcurrentHashMap<>();

  private record ArticleText(String headline, String body) {}

  /** Relevance with {@code center}, the mean training embedding, subtracted before comparing. */
  public Relevance(Encoder encoder, Calibration calibration, float[] center) {
    this.encoder = encoder;
    this.calibration = calibration;
    this.center = center.clone();
    List<float[]> embedded = new ArrayList<>();
    for (String reaction : REACTIONS) {
      embedded.add(centred(encoder.embed(reaction)));
    }
    this.reactions = List.copyOf(embedded);
  }

  /** Whether a comment of {@code words} words is long enough to judge. */
  public static boolean judges(int words) {
    return words >= MIN_WORDS;
  }

  /** The highest cosine of {@code comment} to the article or to a stock reaction. */
  public double similarity(float[] comment, String headline, String body) {
    float[] c = centred(comment);
    double best = -1;
    for (float[] a : article(headline, body)) {
      best = Math.max(best, cosine(c, a));
    }
    for (float[] r : reactions) {
      best = Math.max(best, cosine(c, r));
    }
    return best;
  }

  private float[] centred(float[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - (i < center.length ? center[i] : 0);
    }
    return out;
  }

  /** The off-topic score in [0, 1] for a similarity from {@link #similarity}. */
  public double score(double similarity) {
    double span = calibration.onTopic() - calibration.offTopic();
    return Math.max(0, Math.min(1, (calibration.onTopic() - similarity) / span));
  }

  private List<float[]> article(String headline, String body) {
    ArticleText key = new ArticleText(nonNull(headline), nonNull(body));
    List<float[]> embedded = articles.get(key);
    if (embedded == null) {
      embedded = embed(key);
      if (articles.size() >= CACHED_ARTICLES) {
        articles.clear();
      }
      articles.put(key, embedded);
    }
    return embedded;
  }

  private List<float[]> embed(ArticleText article) {
    List<float[]> out = new ArrayList<>();
    if (Windows.readable(article.headline())) {
      out.add(centred(encoder.embed(article.headline().strip())));
    }
    List<Windows.Span> windows = Windows.of(article.body());
    for (int i = 0; i < Math.min(ARTICLE_WINDOWS, windows.size()); i++) {
      out.add(centred(encoder.embed(windows.get(i).of(article.body()))));
    }
    return List.copyOf(out);
  }

  /** Cosine of two embeddings (the encoder's are unit length, but do not rely on it). */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
