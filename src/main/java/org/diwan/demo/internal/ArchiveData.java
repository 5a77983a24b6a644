package org.diwan.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.diwan.article.Articles;
import org.diwan.article.NewArticle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An archive of made-up articles in all six editions for search and paging benchmarks: each
 * headline and body is drawn at random from the words of the demo stories of its language, so the
 * index holds real Sorani, Kurmanji, Arabic, Persian, Turkish and English words in realistic
 * proportions. One publication a minute going back from now; {@link #BATCH} to a transaction.
 */
public final class ArchiveData {

  private static final int BATCH = 500;
  private static final int BODY_WORDS = 150;

  private final Articles articles;
  private final TransactionTemplate transaction;
  private final Instant now;
  private final SplittableRandom random = new SplittableRandom(20261205L);
  private final Map<String, List<String>> words = new LinkedHashMap<>();

  public ArchiveData(Articles articles, PlatformTransactionManager transactions, Clock clock) {
    this.articles = articles;
    this.transaction = new TransactionTemplate(transactions);
    this.now = clock.instant();
    try (InputStream in = new ClassPathResource("demo/articles.json").getInputStream()) {
      for (JsonNode story : JsonMapper.builder().build().readTree(in)) {
        Set<String> vocabulary =
            new LinkedHashSet<>(words.getOrDefault(story.get("language").asString(), List.of()));
        for (String word :
            (story.get("headline").asString() + " " + story.get("body").asString())
                .split("[^\\p{L}\\p{M}\\p{N}]+")) {
          if (word.codePointCount(0, word.length()) >= 3) {
            vocabulary.add(word);
          }
        }
        words.put(story.get("language").asString(), new ArrayList<>(vocabulary));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code count} articles; returns how many. */
  public int write(int count) {
    String run = Long.toString(now.toEpochMilli(), 36);
    List<String> languages = List.copyOf(words.keySet());
    for (int done = 0; done < count; ) {
      int from = done;
      int to = Math.min(count, done + BATCH);
      transaction.executeWithoutResult(
          status -> {
            for (int i = from; i < to; i++) {
              String language = languages.get(random.nextInt(languages.size()));
              articles.publish(
                  new NewArticle(
                      "archive-" + run + "-" + i,
                      sentence(language, 8),
                      "Diwan Newsroom",
                      "",
                      sentence(language, BODY_WORDS / 3)
                          + "\n\n"
                          + sentence(language, BODY_WORDS / 3)
                          + "\n\n"
                          + sentence(language, BODY_WORDS / 3),
                      language,
                      List.of(),
                      List.of(),
                      now.minus(Duration.ofMinutes(count - i)),
                      true,
                      true));
            }
          });
      done = to;
      if (done % 10_000 == 0 || done == count) {
        System.out.printf("archive: %d of %d articles%n", done, count);
      }
    }
    return count;
  }

  private String sentence(String language, int n) {
    List<String> vocabulary = words.get(language);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return text.append('.').toString();
  }
}
