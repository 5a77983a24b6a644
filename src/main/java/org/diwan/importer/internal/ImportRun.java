package org.diwan.importer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.diwan.article.Articles;
import org.diwan.article.Language;
import org.diwan.article.NewArticle;
import org.diwan.comment.CommentImport;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.ImportedComment;
import org.diwan.importer.ImportFormat;
import org.diwan.importer.ImportRefused;
import org.diwan.importer.ImportSummary;
import org.diwan.importer.ImportSummary.LeftOut;
import org.diwan.importer.internal.ImportedIds.Kind;

/**
 * One import of one file, fed by its parser: makes articles of stories, stores comments {@link
 * #BATCH} at a time through {@link CommentImport}, records every source id, and skips those an
 * earlier run recorded. Runs inside the caller's transaction. Not thread-safe.
 */
public final class ImportRun implements ImportSink {

  static final int BATCH = 5_000;
  private static final int PROGRESS_EVERY = 1_000;

  /** What the run needs from the rest of Diwan. */
  public record Services(Articles articles, CommentImport comments, ImportedIds ids) {}

  private final Services services;
  private final ImportFormat format;
  private final Language forced;
  private final Instant now;
  private final Consumer<ImportSummary> progress;

  private String origin = "";
  private String fileLanguage;
  private boolean started;
  private Map<String, Long> knownArticles;
  private Set<String> knownComments;
  private final Map<String, Long> articleOf = new HashMap<>();
  private final Map<String, Story> waiting = new HashMap<>();
  private final List<ImportedComment> batch = new ArrayList<>();
  private final List<String> batchSourceIds = new ArrayList<>();

  private int articlesImported;
  private int articlesSkipped;
  private long commentsImported;
  private long commentsSkipped;
  private long seen;
  private final Map<LeftOut, Long> leftOut = new EnumMap<>(LeftOut.class);

  /**
   * A run of {@code format} at {@code now}; {@code language} null takes the file's own. {@code
   * progress} hears the counts every thousand comments.
   */
  public ImportRun(
      Services services,
      ImportFormat format,
      Language language,
      Instant now,
      Consumer<ImportSummary> progress) {
    this.services = services;
    this.format = format;
    this.forced = language;
    this.now = now;
    this.progress = progress;
  }

  @Override
  public void origin(String origin) {
    if (!started && origin != null && !origin.isBlank()) {
      this.origin = origin.strip();
    }
  }

  @Override
  public void language(String tag) {
    fileLanguage = tag;
  }

  @Override
  public void story(Story story) {
    start();
    if (story.sourceId() == null || story.sourceId().isBlank()) {
      throw new ImportRefused("Refused: a story of the export has no id.");
    }
    Long known = knownArticles.get(story.sourceId());
    if (known != null) {
      if (articleOf.put(story.sourceId(), known) == null) {
        articlesSkipped++;
      }
    } else if (story.eager()) {
      create(story);
    } else {
      waiting.put(story.sourceId(), story);
    }
  }

  @Override
  public void comment(SourceComment comment) {
    start();
    seen++;
    if (comment.sourceId() == null || comment.sourceId().isBlank()) {
      throw new ImportRefused("Refused: a comment of the export has no id.");
    }
    CommentStatus status =
        switch (comment.status()) {
          case APPROVED -> CommentStatus.APPROVED;
          case PENDING -> CommentStatus.PENDING;
          case SPAM -> leaveOut(LeftOut.SPAM);
          case TRASH -> leaveOut(LeftOut.TRASH);
          case NOT_A_COMMENT -> leaveOut(LeftOut.NOT_A_COMMENT);
        };
    Long article = status == null ? null : article(comment.storySourceId());
    if (status != null && article == null) {
      leaveOut(LeftOut.NO_ARTICLE);
    } else if (status != null && !knownComments.add(comment.sourceId())) {
      commentsSkipped++;
    } else if (status != null) {
      if (comment.postedAt() == null) {
        throw new ImportRefused(
            "Refused: comment " + comment.sourceId() + " has no date that can be read.");
      }
      boolean approved = status == CommentStatus.APPROVED;
      batch.add(
          new ImportedComment(
              article,
              comment.name() == null ? "" : comment.name(),
              comment.email() == null ? "" : comment.email(),
              comment.text(),
              comment.postedAt(),
              status,
              // The export keeps no time or moderator for an approval: it counts from the posting.
              approved ? comment.postedAt() : null,
              approved ? format.command() + " import" : null,
              null));
      batchSourceIds.add(comment.sourceId());
      if (batch.size() >= BATCH) {
        flush();
      }
    }
    if (seen % PROGRESS_EVERY == 0) {
      progress.accept(summary());
    }
  }

  /** Stores what is still batched; returns what the run did. */
  public ImportSummary finish() {
    flush();
    return summary();
  }

  private ImportSummary summary() {
    return new ImportSummary(
        articlesImported, articlesSkipped, commentsImported, commentsSkipped, leftOut);
  }

  private CommentStatus leaveOut(LeftOut why) {
    leftOut.merge(why, 1L, Long::sum);
    return null;
  }

  private void start() {
    if (!started) {
      started = true;
      origin = format.command() + " " + origin;
      knownArticles = services.ids().of(origin, Kind.ARTICLE);
      knownComments = services.ids().sourceIds(origin, Kind.COMMENT);
    }
  }

  private Long article(String storySourceId) {
    Long id = articleOf.get(storySourceId);
    if (id == null && waiting.containsKey(storySourceId)) {
      id = create(waiting.remove(storySourceId));
    }
    return id;
  }

  private long create(Story story) {
    String headline = story.headline().isBlank() ? story.sourceId() : story.headline().strip();
    long id =
        services
            .articles()
            .publish(
                new NewArticle(
                    story.slug(),
                    headline,
                    story.author(),
                    "",
                    story.body(),
                    language().code(),
                    List.of(),
                    List.of(),
                    story.publishedAt(),
                    story.commentsOpen(),
                    story.published()))
            .id();
    services.ids().record(origin, Kind.ARTICLE, List.of(story.sourceId()), List.of(id), now);
    articleOf.put(story.sourceId(), id);
    articlesImported++;
    return id;
  }

  private Language language() {
    if (forced != null) {
      return forced;
    }
    String primary =
        fileLanguage == null ? "" : fileLanguage.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return Language.of(primary)
        .orElseThrow(
            () ->
                new ImportRefused(
                    (fileLanguage == null || fileLanguage.isBlank()
                            ? "The export does not say its language"
                            : "The export's language ("
                                + fileLanguage.strip()
                                + ") is not one Diwan publishes in")
                        + ": name one with --lang ("
                        + Language.codes()
                        + ")."));
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<Long> ids = services.comments().store(batch);
    services.ids().record(origin, Kind.COMMENT, batchSourceIds, ids, now);
    commentsImported += ids.size();
    batch.clear();
    batchSourceIds.clear();
  }
}
