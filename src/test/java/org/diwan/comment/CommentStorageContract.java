package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.comment.internal.CommentRepository;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.GuidelineCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Storage of comments, run against each database the site supports. */
abstract class CommentStorageContract {

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentDecisions decisions;
  @Autowired CommentStatuses statuses;
  @Autowired PublishedComments published;
  @Autowired JdbcClient jdbc;
  @Autowired CommentQueue queue;
  @Autowired CommentRepository repository;
  @Autowired PersonalData personalData;

  Article article;

  @BeforeEach
  void publishArticle() {
    article = articles.publish(ArticleFixtures.english("Libraries open later"));
  }

  @Test
  void storesSubmittedCommentAsPendingAndFindsItByToken() {
    SubmittedComment stored = submission.submit(CommentFixtures.valid(article.slug()));

    CommentStatusView view = statuses.byToken(stored.token()).orElseThrow();
    assertThat(view.status()).isEqualTo(CommentStatus.PENDING);
    assertThat(view.text()).isEqualTo("Longer opening hours would help students.");
    assertThat(view.article().slug()).isEqualTo(article.slug());
    assertThat(statuses.byToken(stored.token().substring(1) + "A")).isEmpty();
  }

  @Test
  void statusLinksIssuedBeforeTokensCarriedTheirTimeStillOpenTheirComment() throws Exception {
    String legacy = "Legacy-token_issued-before-the-time-prefix1";
    String plainHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(legacy.getBytes(StandardCharsets.US_ASCII)));
    jdbc.sql(
            "INSERT INTO comment (article_id, token_hash, author_name, author_email, body,"
                + " submitted_at) VALUES (?, ?, 'Hana', 'hana@example.org', 'Kept.', 0)")
        .params(article.id(), plainHash)
        .update();

    assertThat(statuses.byToken(legacy).orElseThrow().text()).isEqualTo("Kept.");
    assertThat(statuses.byToken(legacy.replace('L', 'M'))).isEmpty();
  }

  @Test
  void databaseRefusesToChangeACommentsTextAuthorOrEmail() {
    long id = submission.submit(CommentFixtures.valid(article.slug())).id();

    for (String column : List.of("body", "author_name", "author_email", "article_id")) {
      String value = column.equals("article_id") ? "0" : "'changed'";
      assertThatThrownBy(
              () ->
                  jdbc.sql("UPDATE comment SET " + column + " = " + value + " WHERE id = ?")
                      .param(id)
                      .update())
          .as(column)
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("comment_is_immutable");
    }
    assertThat(
            jdbc.sql("SELECT body FROM comment WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("Longer opening hours would help students.");
  }

  @Test
  void databaseAllowsTheModerationStateToChange() {
    long id = submission.submit(CommentFixtures.valid(article.slug())).id();

    decisions.reject(id, Set.of(GuidelineCode.PROMOTION), "Please leave out the link.");

    assertThat(
            jdbc.sql("SELECT status, codes FROM comment WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .single())
        .isEqualTo("REJECTED PROMOTION");
  }

  @Test
  void refusedSubmissionStoresNothing() {
    long before = countComments();

    assertThatThrownBy(() -> submission.submit(new SubmitComment(article.slug(), "", "bad", "")))
        .isInstanceOf(InvalidComment.class);
    assertThatThrownBy(() -> submission.submit(CommentFixtures.valid("no-such-article")))
        .isInstanceOf(CommentTargetNotFound.class);

    assertThat(countComments()).isEqualTo(before);
  }

  @Test
  void closedArticleRefusesComments() {
    Article closed = articles.publish(ArticleFixtures.closed("Closed for comments"));

    assertThatThrownBy(() -> submission.submit(CommentFixtures.valid(closed.slug())))
        .isInstanceOf(ArticleClosedForComments.class);
  }

  @Test
  void concurrentSubmissionsAreAllStored() throws Exception {
    int threads = 16;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<Long>> work =
            () -> {
              List<Long> ids = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                ids.add(
                    submission
                        .submit(
                            CommentFixtures.withText(article.slug(), "Comment " + thread + "-" + i))
                        .id());
              }
              return ids;
            };
        results.add(pool.submit(work));
      }
      List<Long> ids = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        ids.addAll(result.get());
      }
      assertThat(ids).doesNotHaveDuplicates().hasSize(threads * each);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ?")
                .param(article.id())
                .query(Long.class)
                .single())
        .isEqualTo(threads * each);
  }

  @Test
  void twoModeratorsDecidingAtOnceExactlyOneWins() throws Exception {
    long id = submission.submit(CommentFixtures.valid(article.slug())).id();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> approve = pool.submit(() -> attempt(() -> decisions.approve(id)));
      Future<String> reject =
          pool.submit(
              () -> attempt(() -> decisions.reject(id, Set.of(GuidelineCode.OFF_TOPIC), null)));

      assertThat(List.of(approve.get(), reject.get())).containsExactlyInAnyOrder("won", "lost");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void historiesOfAPageAreEachCommentersEarlierCommentsAsReadOneByOne() {
    String ana = CommentFixtures.email();
    String bo = CommentFixtures.email();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String email = i % 3 == 2 ? bo : ana;
      ids.add(
          submission
              .submit(new SubmitComment(article.slug(), "Reader", email, "Comment number " + i))
              .id());
    }
    decisions.reject(ids.get(1), Set.of(GuidelineCode.PROMOTION), "No adverts");
    List<QueuedComment> page = new ArrayList<>();
    for (int i = ids.size() - 1; i >= 0; i--) {
      page.add(queue.find(ids.get(i)).orElseThrow());
    }

    List<List<QueuedComment>> histories = queue.histories(page, 3);

    assertThat(histories).hasSize(page.size());
    for (int i = 0; i < page.size(); i++) {
      QueuedComment card = page.get(i);
      assertThat(histories.get(i))
          .as("history of comment %d", card.id())
          .isEqualTo(queue.history(card.email(), card.id(), 3));
    }
    assertThat(histories.get(0))
        .extracting(QueuedComment::id)
        .hasSize(3)
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(queue.histories(List.of(), 3)).isEmpty();
  }

  @Test
  void onlyApprovedCommentsAreListedOldestFirst() {
    long first = submission.submit(CommentFixtures.withText(article.slug(), "first")).id();
    long pending = submission.submit(CommentFixtures.withText(article.slug(), "pending")).id();
    long second = submission.submit(CommentFixtures.withText(article.slug(), "second")).id();
    decisions.approve(second);
    decisions.approve(first);

    assertThat(published.page(article.id(), false, CommentCursor.FIRST, 100, "after").comments())
        .extracting(PublishedComment::text)
        .containsExactly("first", "second");
    assertThat(pending).isBetween(first, second);
  }

  private static String attempt(Runnable decision) {
    try {
      decision.run();
      return "won";
    } catch (CommentAlreadyDecided e) {
      return "lost";
    }
  }

  private long countComments() {
    return jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
  }

  @Test
  void aCommentStoredBeforeEmailKeysIsFoundByEverySpellingOfItsAddress() {
    long id = submission.submit(CommentFixtures.valid(article.slug())).id();
    String typed = "Zoë.Åse." + id + "@Example.test";
    // As the V7 migration leaves an address beyond ASCII: the key empty, for the start to fill.
    jdbc.sql(
            "INSERT INTO comment (article_id, token_hash, author_name, author_email, body,"
                + " submitted_at, status) VALUES (?, ?, 'Zoë', ?, 'Old text', 0, 'PENDING')")
        .params(article.id(), "legacy-" + id, typed)
        .update();

    assertThat(repository.fillMissingEmailKeys()).isPositive();
    assertThat(repository.fillMissingEmailKeys()).isZero();

    assertThat(personalData.export("zoë.åse." + id + "@example.test", "test").comments())
        .extracting(PersonalData.ExportedComment::text)
        .containsExactly("Old text");
  }
}
