package org.diwan.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.NewArticle;
import org.diwan.comment.CommentImport;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.ImportedComment;
import org.diwan.comment.ScreeningSummary;
import org.diwan.comment.SecondStage;
import org.diwan.guideline.GuidelineCode;

/**
 * Realistic articles and comments for load tests, written through the modules' own services: each
 * article is published as an editor's would be, and the comments are stored in batches by {@link
 * CommentImport}, with a stored screening result each (as the queue reads it) and, for approved
 * ones, the generator's decision on record. It only ever adds rows.
 */
public final class SampleData {

  private static final int BATCH = 20_000;
  private static final String[] OPENINGS = {
    "I was at the council meeting and",
    "Having lived on this street for twenty years,",
    "Thanks for the clear report;",
    "My family crosses that bridge every morning and",
    "As a teacher in the district,",
    "Reading this from abroad,",
    "The figures in the third paragraph surprised me:",
    "With respect to the minister,",
  };
  private static final String[] MIDDLES = {
    " the timetable for the works should be published well before the vote",
    " the cost breakdown deserves a closer look by independent engineers",
    " the temporary arrangements must keep the same opening hours",
    " nobody asked the shop owners what four months of closures would mean",
    " the plan is sensible but the consultation was far too short",
    " the water supply problem is older than this government",
    " the school buses need a safe route while the road is closed",
    " the new lift and ramps are long overdue for older residents",
  };
  private static final String[] ENDINGS = {
    ", and I hope the paper follows up next month.",
    ". Could you publish the full report?",
    ", otherwise people will simply stop trusting the announcements.",
    ". Still, credit where it is due for finally starting.",
    ", so let us see whether the promises are kept this time.",
  };

  /**
   * What to generate: {@code articles} articles ({@code article-…}) with {@code comments} comments
   * spread over them, a share {@code approvedShare} approved and the rest pending, and one article
   * per showcase figure ({@code showcase-500} …) with exactly that many approved comments.
   */
  public record Options(int articles, long comments, double approvedShare, List<Integer> showcase) {

    /**
     * @throws IllegalArgumentException for fewer than one article, fewer than no comments, or a
     *     share outside [0, 1]
     */
    public Options {
      if (articles < 1 || comments < 0 || approvedShare < 0 || approvedShare > 1) {
        throw new IllegalArgumentException(
            "need articles >= 1, comments >= 0, 0 <= approved-share <= 1");
      }
      showcase = List.copyOf(showcase);
    }
  }

  private static final String ACTOR = "generator";

  private final Articles articles;
  private final CommentImport comments;
  private final SplittableRandom random = new SplittableRandom(20261126L);
  private final Instant now;
  private long sequence;

  public SampleData(Articles articles, CommentImport comments, Clock clock) {
    this.articles = articles;
    this.comments = comments;
    this.now = clock.instant();
  }

  /** Writes the sample articles and comments; returns the number of comments written. */
  public long write(Options options) {
    String run = Long.toString(now.toEpochMilli(), 36);
    List<Long> stories = new ArrayList<>();
    for (int i = 1; i <= options.articles(); i++) {
      stories.add(article("article-" + run + "-" + i, "Story " + i).id());
    }
    long written = 0;
    for (int count : options.showcase()) {
      long showcase = article("showcase-" + count, "Showcase " + count).id();
      written += comments(List.of(showcase), count, 1.0);
    }
    return written + comments(stories, options.comments(), options.approvedShare());
  }

  private Article article(String slug, String headline) {
    String body =
        "The council approved the second phase of the works on Tuesday.\n\n"
            + "> We will keep the service open throughout.\n— The mayor\n\n"
            + "## What changes\n\n"
            + String.join(" ", Collections.nCopies(40, "Residents asked questions."));
    return articles.publish(
        new NewArticle(
            slug,
            headline + ": the library's second phase",
            "Diwan Newsroom",
            "ERBIL –",
            body,
            "en",
            List.of(),
            List.of(),
            now.minus(Duration.ofDays(1)),
            true,
            true));
  }

  /** {@code count} comments over {@code articles}, stored {@link #BATCH} to a transaction. */
  private long comments(List<Long> articles, long count, double approvedShare) {
    List<ImportedComment> batch = new ArrayList<>(BATCH);
    for (long i = 0; i < count; i++) {
      boolean approved = random.nextDouble() < approvedShare;
      Instant at = now.minusSeconds(count - i);
      int reader = random.nextInt(50_000);
      batch.add(
          new ImportedComment(
              articles.get(random.nextInt(articles.size())),
              "Reader " + reader,
              "reader" + reader + "@example.org",
              text(i),
              at,
              approved ? CommentStatus.APPROVED : CommentStatus.PENDING,
              approved ? at.plusSeconds(60) : null,
              approved ? ACTOR : null,
              screening()));
      if (batch.size() == BATCH || i + 1 == count) {
        comments.store(batch);
        batch.clear();
      }
    }
    return count;
  }

  /**
   * A stored screening with a risk spread over [0, 1), as a queue ordered by risk needs. Made-up
   * load-test data is not for the second stage to read (a million would keep it busy for hours).
   */
  private ScreeningSummary screening() {
    double risk = (sequence++ * 7919 % 1000) / 1000.0;
    Map<GuidelineCode, Double> scores = new EnumMap<>(GuidelineCode.class);
    scores.put(GuidelineCode.OFF_TOPIC, risk);
    return new ScreeningSummary(
            "generated", "en", risk, scores, Set.of(), List.of(), Set.of(), false, null)
        .withSecondStage(SecondStage.OFF);
  }

  private String text(long i) {
    return OPENINGS[random.nextInt(OPENINGS.length)]
        + MIDDLES[random.nextInt(MIDDLES.length)]
        + ENDINGS[random.nextInt(ENDINGS.length)]
        + " (#"
        + i
        + ")";
  }
}
