package org.diwan.screening.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.diwan.article.internal.ArticleText;
import org.diwan.screening.Category;
import org.diwan.screening.ScreeningInput;

/**
 * Scores {@link Category#OFF_TOPIC} by the TF-IDF cosine between the comment and the article's
 * headline and body, over five-character word stems. Runs only when article text is given.
 *
 * <p>Calibrated to spare short reactions and questions ("Great reporting, thanks", "Where was
 * this?"): a comment needs {@link #MIN_CONTENT_WORDS} content words before it can score at all, and
 * the score grows with length, since a long comment sharing nothing with the article is the
 * clearest off-topic case.
 */
public final class RelevanceDetector implements Detector {

  static final int MIN_CONTENT_WORDS = 6;

  /** Words at least this rare (idf) count as content; common function words do not. */
  private static final double CONTENT_IDF = 3.0;

  /** A cosine at or above this counts as clearly on topic. */
  private static final double ON_TOPIC_COSINE = 0.12;

  /** Articles kept prepared; a site has few articles open for comments at once. */
  static final int CACHED_ARTICLES = 512;

  private final Idf idf;

  /**
   * Every comment on an article is compared with the same text, and preparing it costs several
   * times the comparison, so each article's stems are kept until the cache fills, then all go.
   */
  private final Map<ArticleText, Profile> articles = new ConcurrentHashMap<>();

  private record ArticleText(String headline, String body) {}

  /** An article's stem counts and their TF-IDF vector norm. */
  private record Profile(Map<String, Integer> stems, double norm) {}

  public RelevanceDetector(Idf idf) {
    this.idf = idf;
  }

  @Override
  public String name() {
    return "relevance";
  }

  @Override
  public void detect(Analysis analysis, Findings findings) {
    ScreeningInput input = analysis.input();
    if (!input.hasArticle()) {
      return;
    }
    Map<String, Integer> comment = stems(analysis.normalized());
    int contentWords = comment.values().stream().mapToInt(Integer::intValue).sum();
    if (contentWords < MIN_CONTENT_WORDS) {
      return;
    }
    double cosine = cosine(comment, profile(input.articleHeadline(), input.articleBody()));
    double distance = 1 - Math.min(1, cosine / ON_TOPIC_COSINE);
    double length = Math.min(1, (contentWords - MIN_CONTENT_WORDS + 1) / 6.0);
    double score = 0.95 * distance * (0.5 + 0.5 * length);
    findings.raise(Category.OFF_TOPIC, score);
    if (score > 0) {
      findings.evidence(Category.OFF_TOPIC, 0, analysis.original().length());
    }
  }

  /** The relevance cosine of a comment to an article text, for calibration. */
  public double cosine(NormalizedText comment, NormalizedText article) {
    return cosine(stems(comment), prepare(article));
  }

  private Profile profile(String headline, String body) {
    ArticleText key = new ArticleText(nonNull(headline), nonNull(body));
    Profile profile = articles.get(key);
    if (profile == null) {
      profile = prepare(TextNormalizer.normalize(key.headline() + "\n" + key.body()));
      if (articles.size() >= CACHED_ARTICLES) {
        articles.clear();
      }
      articles.put(key, profile);
    }
    return profile;
  }

  private Profile prepare(NormalizedText article) {
    Map<String, Integer> stems = stems(article);
    double norm = 0;
    for (Map.Entry<String, Integer> e : stems.entrySet()) {
      double w = e.getValue() * idf.of(e.getKey());
      norm += w * w;
    }
    return new Profile(Map.copyOf(stems), norm);
  }

  private double cosine(Map<String, Integer> a, Profile b) {
    double dot = 0;
    double na = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      double w = e.getValue() * idf.of(e.getKey());
      na += w * w;
      Integer other = b.stems().get(e.getKey());
      if (other != null) {
        dot += w * other * idf.of(e.getKey());
      }
    }
    return na == 0 || b.norm() == 0 ? 0 : dot / Math.sqrt(na * b.norm());
  }

  private Map<String, Integer> stems(NormalizedText text) {
    Map<String, Integer> counts = new HashMap<>();
    for (int t = 0; t < text.tokenCount(); t++) {
      if (text.tokenEnd(t) - text.tokenStart(t) < 3) {
        continue;
      }
      String stem = Idf.stem(text.token(t));
      if (idf.of(stem) >= CONTENT_IDF) {
        counts.merge(stem, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
