package org.diwan.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.audit.AuditEvent;
import org.diwan.audit.AuditTrail;
import org.diwan.comment.CommentFixtures;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.QueuedComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.guideline.GuidelineCode;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Moderation decisions and the audit log, run against each database the site supports. */
abstract class ModerationContract {

  @Autowired Articles articles;
  @Autowired CommentSubmission submission;
  @Autowired CommentStatuses statuses;
  @Autowired Moderation moderation;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired CommentQueue queue;
  @Autowired Policies policies;
  @Autowired Environment environment;

  Article article;

  @BeforeEach
  void publish() {
    article = articles.publish(ArticleFixtures.english("Council debates the budget"));
  }

  private SubmittedComment comment() {
    return submission.submit(CommentFixtures.valid(article.slug()));
  }

  private static Decide reject(long id, String who, GuidelineCode... codes) {
    return new Decide(
        id, DecisionAction.REJECT, Set.of(codes), "Please keep it civil.", who, false);
  }

  private static Decide approve(long id, String who) {
    return new Decide(id, DecisionAction.APPROVE, Set.of(), null, who, false);
  }

  @Test
  void rejectionIsRecordedWithItsCodesNoteAndModerator() {
    SubmittedComment c = comment();

    ModerationDecision decision =
        moderation.decide(reject(c.id(), "mod@example.org", GuidelineCode.PERSONAL_ATTACK));

    assertThat(decision.actor()).isEqualTo("mod@example.org");
    assertThat(decision.automatic()).isFalse();
    var status = statuses.byToken(c.token()).orElseThrow();
    assertThat(status.status()).isEqualTo(CommentStatus.REJECTED);
    assertThat(status.codes()).containsExactly(GuidelineCode.PERSONAL_ATTACK);
    assertThat(status.note()).isEqualTo("Please keep it civil.");
    assertThat(audit.find("mod@example.org", "comment.", 0))
        .extracting(AuditEvent::subject)
        .contains("comment " + c.id());
  }

  @Test
  void twoModeratorsDecidingAtOnceExactlyOneWinsAndTheOtherIsToldWho() throws Exception {
    SubmittedComment c = comment();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> attempt(start, approve(c.id(), "ava@example.org")));
      Future<String> second =
          pool.submit(
              () -> attempt(start, reject(c.id(), "bo@example.org", GuidelineCode.OFF_TOPIC)));
      start.countDown();
      List<String> outcomes = List.of(first.get(), second.get());

      assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
      String loser = outcomes.stream().filter(o -> !o.equals("won")).findFirst().orElseThrow();
      assertThat(loser).startsWith("409").containsAnyOf("by ava@example.org", "by bo@example.org");
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM moderation_decision WHERE comment_id = ?")
                .param(c.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private String attempt(CountDownLatch start, Decide decision) throws InterruptedException {
    start.await();
    try {
      moderation.decide(decision);
      return "won";
    } catch (ModerationProblem e) {
      return e.getStatusCode().value() + " " + e.getMessage();
    }
  }

  @Test
  void refusesRejectionWithoutCodesAndUnknownComments() {
    SubmittedComment c = comment();

    assertThatThrownBy(() -> moderation.decide(reject(c.id(), "m@example.org")))
        .isInstanceOfSatisfying(
            ModerationProblem.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    assertThatThrownBy(() -> moderation.decide(approve(999_999_999L, "m@example.org")))
        .isInstanceOfSatisfying(
            ModerationProblem.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    assertThat(statuses.byToken(c.token()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void decisionsAndAuditLogCannotBeChangedOrRemoved() {
    SubmittedComment c = comment();
    moderation.decide(approve(c.id(), "m@example.org"));

    for (String sql :
        List.of(
            "UPDATE moderation_decision SET actor = 'someone else'",
            "DELETE FROM moderation_decision",
            "UPDATE audit_event SET actor = 'someone else'",
            "DELETE FROM audit_event")) {
      assertThatThrownBy(() -> jdbc.sql(sql).update())
          .as(sql)
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append_only");
    }
  }

  @Test
  void submittedCommentIsStoredWithItsScreeningAndEvidence() {
    SubmittedComment c =
        submission.submit(CommentFixtures.withText(article.slug(), "you are such an id10t"));

    QueuedComment queued = queue.find(c.id()).orElseThrow();

    assertThat(queued.screening()).isNotNull();
    assertThat(queued.screening().flagged()).contains(GuidelineCode.PERSONAL_ATTACK);
    assertThat(queued.screening().version()).isNotBlank();
    assertThat(queued.screening().evidence())
        .anySatisfy(
            span -> {
              assertThat(span.code()).isEqualTo(GuidelineCode.PERSONAL_ATTACK);
              assertThat(queued.text().substring(span.start(), span.end())).isEqualTo("id10t");
            });
    assertThat(queued.status()).isEqualTo(CommentStatus.PENDING);
  }

  @Test
  void riskOrderPutsTheLikeliestViolationFirst() {
    Article fresh = articles.publish(ArticleFixtures.english("Quiet news day"));
    submission.submit(CommentFixtures.withText(fresh.slug(), "Thanks for the clear report."));
    long risky =
        submission
            .submit(CommentFixtures.withText(fresh.slug(), "I will kill you, you stupid idiot"))
            .id();

    List<QueuedComment> byRisk =
        queue.find(
            new QueueQuery(
                CommentStatus.PENDING, fresh.slug(), null, 0, 10, QueueQuery.Order.RISK));
    List<QueuedComment> byAge =
        queue.find(new QueueQuery(CommentStatus.PENDING, fresh.slug(), null, 0, 10));

    assertThat(byRisk.get(0).id()).isEqualTo(risky);
    assertThat(byAge.get(1).id()).isEqualTo(risky);
  }

  @Test
  void pagingByRiskShowsEveryCommentOnceInOrderTiesIncluded() {
    Article fresh = articles.publish(ArticleFixtures.english("Paging by risk"));
    String[] texts = {
      "Thanks for the clear report.",
      "Thanks for the clear report!",
      "Thanks for the clear report.",
      "I will kill you, you stupid idiot",
      "you are such an id10t",
      "What time does the library open?",
      "Buy cheap watches at example dot com now",
      "Thanks for the clear report."
    };
    for (int i = 0; i < texts.length; i++) {
      submission.submit(CommentFixtures.withText(fresh.slug(), texts[i]));
    }
    ModerationQueue pages = new ModerationQueue(queue);
    List<QueuedComment> whole =
        queue.find(
            new QueueQuery(
                CommentStatus.PENDING, fresh.slug(), null, 0, 50, QueueQuery.Order.RISK));

    List<QueuedComment> paged = new ArrayList<>();
    long after = 0;
    for (int n = 0; n < texts.length; n++) {
      ModerationQueue.Page page =
          pages.page(
              new QueueQuery(
                  CommentStatus.PENDING, fresh.slug(), null, after, 3, QueueQuery.Order.RISK));
      paged.addAll(page.comments());
      if (page.next() == null) {
        break;
      }
      after = page.next();
    }

    // The whole queue, unfiltered, walks the risk index: same order, every comment once.
    List<QueuedComment> everything = new ArrayList<>();
    long cursor = 0;
    do {
      ModerationQueue.Page page =
          pages.page(
              new QueueQuery(CommentStatus.PENDING, null, null, cursor, 7, QueueQuery.Order.RISK));
      everything.addAll(page.comments());
      cursor = page.next() == null ? -1 : page.next();
    } while (cursor > 0);
    assertThat(everything).extracting(QueuedComment::id).doesNotHaveDuplicates();
    assertThat(
            everything.stream()
                .map(QueuedComment::id)
                .filter(whole.stream().map(QueuedComment::id).toList()::contains)
                .toList())
        .isEqualTo(whole.stream().map(QueuedComment::id).toList());
    assertThat(everything)
        .hasSize(
            jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'PENDING'")
                .query(Integer.class)
                .single());
    for (int i = 1; i < everything.size(); i++) {
      assertThat(everything.get(i).screening().risk())
          .isLessThanOrEqualTo(everything.get(i - 1).screening().risk());
    }

    assertThat(whole).hasSize(texts.length);
    assertThat(paged)
        .extracting(QueuedComment::id)
        .isEqualTo(whole.stream().map(QueuedComment::id).toList());
    for (int i = 1; i < whole.size(); i++) {
      double before = whole.get(i - 1).screening().risk();
      double now = whole.get(i).screening().risk();
      assertThat(now).isLessThanOrEqualTo(before);
      if (now == before) {
        assertThat(whole.get(i).id()).isGreaterThan(whole.get(i - 1).id());
      }
    }
  }

  @Test
  void policiesAreOffByDefaultAndAnAutomaticRejectionIsRecordedAsSuch() {
    SubmittedComment untouched =
        submission.submit(CommentFixtures.withText(article.slug(), "you are such an id10t"));
    assertThat(statuses.byToken(untouched.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.PENDING);

    policies.replace(Map.of(GuidelineCode.PERSONAL_ATTACK, 0.01), null, "test");
    try {
      SubmittedComment auto =
          submission.submit(CommentFixtures.withText(article.slug(), "you are such an id10t"));

      var status = statuses.byToken(auto.token()).orElseThrow();
      assertThat(status.status()).isEqualTo(CommentStatus.REJECTED);
      assertThat(status.codes()).contains(GuidelineCode.PERSONAL_ATTACK);
      assertThat(status.note()).contains("automatically");
      assertThat(
              jdbc.sql("SELECT automatic FROM moderation_decision WHERE comment_id = ?")
                  .param(auto.id())
                  .query(Boolean.class)
                  .single())
          .isTrue();
    } finally {
      policies.replace(Map.of(), null, "test");
    }
  }

  @Test
  void secondDecisionOnADecidedCommentIsAConflict() {
    SubmittedComment c = comment();
    moderation.decide(approve(c.id(), "first@example.org"));

    assertThatThrownBy(
            () -> moderation.decide(reject(c.id(), "late@example.org", GuidelineCode.THREAT)))
        .isInstanceOfSatisfying(
            ModerationProblem.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(409);
              assertThat(e.getMessage()).contains("already approved by first@example.org");
            });
  }

  private static Decide remove(long id, String who, GuidelineCode... codes) {
    return new Decide(
        id, DecisionAction.REMOVE, Set.of(codes), "Taken down after reports.", who, false);
  }

  private List<String> actions(long commentId) {
    return jdbc.sql("SELECT action FROM moderation_decision WHERE comment_id = ? ORDER BY id")
        .param(commentId)
        .query(String.class)
        .list();
  }

  @Test
  void takeDownIsADecisionOfItsOwnAndTheApprovalStaysOnRecord() {
    SubmittedComment c = comment();
    moderation.decide(approve(c.id(), "ava@example.org"));

    ModerationDecision removal =
        moderation.decide(remove(c.id(), "bo@example.org", GuidelineCode.THREAT));

    assertThat(removal.action()).isEqualTo(DecisionAction.REMOVE);
    assertThat(actions(c.id())).containsExactly("APPROVE", "REMOVE");
    var status = statuses.byToken(c.token()).orElseThrow();
    assertThat(status.status()).isEqualTo(CommentStatus.REMOVED);
    assertThat(status.codes()).containsExactly(GuidelineCode.THREAT);
    assertThat(status.note()).isEqualTo("Taken down after reports.");
    assertThat(status.removedAt()).isEqualTo(removal.decidedAt());
    assertThat(status.decidedAt()).isBeforeOrEqualTo(status.removedAt());
    assertThat(status.text()).isEqualTo(CommentFixtures.valid(article.slug()).text());
    assertThat(audit.find("bo@example.org", "comment.removed", 0))
        .extracting(AuditEvent::subject)
        .contains("comment " + c.id());
  }

  @Test
  void secondTakeDownIsAConflictNamingWhoRemovedIt() {
    SubmittedComment c = comment();
    moderation.decide(approve(c.id(), "ava@example.org"));
    moderation.decide(remove(c.id(), "bo@example.org", GuidelineCode.ABUSE));

    assertThatThrownBy(
            () -> moderation.decide(remove(c.id(), "cy@example.org", GuidelineCode.THREAT)))
        .isInstanceOfSatisfying(
            ModerationProblem.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(409);
              assertThat(e.getMessage()).contains("already removed by bo@example.org");
            });
    assertThat(actions(c.id())).containsExactly("APPROVE", "REMOVE");
    assertThat(statuses.byToken(c.token()).orElseThrow().codes())
        .containsExactly(GuidelineCode.ABUSE);
  }

  @Test
  void takeDownOfAnUnpublishedOrUnknownCommentOrWithoutCodesChangesNothing() {
    SubmittedComment pending = comment();
    SubmittedComment rejected = comment();
    moderation.decide(reject(rejected.id(), "ava@example.org", GuidelineCode.OFF_TOPIC));
    SubmittedComment approved = comment();
    moderation.decide(approve(approved.id(), "ava@example.org"));

    for (SubmittedComment c : List.of(pending, rejected)) {
      assertThatThrownBy(
              () -> moderation.decide(remove(c.id(), "m@example.org", GuidelineCode.THREAT)))
          .isInstanceOfSatisfying(
              ModerationProblem.class,
              e -> {
                assertThat(e.getStatusCode().value()).isEqualTo(409);
                assertThat(e.getMessage()).contains("not published");
              });
    }
    assertThatThrownBy(() -> moderation.decide(remove(approved.id(), "m@example.org")))
        .isInstanceOfSatisfying(
            ModerationProblem.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    assertThatThrownBy(
            () -> moderation.decide(remove(999_999_999L, "m@example.org", GuidelineCode.THREAT)))
        .isInstanceOfSatisfying(
            ModerationProblem.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(404));

    assertThat(statuses.byToken(pending.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.PENDING);
    assertThat(statuses.byToken(rejected.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.REJECTED);
    assertThat(statuses.byToken(approved.token()).orElseThrow().status())
        .isEqualTo(CommentStatus.APPROVED);
    assertThat(actions(pending.id())).isEmpty();
    assertThat(actions(approved.id())).containsExactly("APPROVE");
  }

  @Test
  void twoModeratorsTakingDownAtOnceMakeExactlyOneRemoval() throws Exception {
    SubmittedComment c = comment();
    moderation.decide(approve(c.id(), "ava@example.org"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first =
          pool.submit(() -> attempt(start, remove(c.id(), "bo@example.org", GuidelineCode.THREAT)));
      Future<String> second =
          pool.submit(() -> attempt(start, remove(c.id(), "cy@example.org", GuidelineCode.ABUSE)));
      start.countDown();

      assertThat(List.of(first.get(), second.get())).filteredOn("won"::equals).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(actions(c.id())).containsExactly("APPROVE", "REMOVE");
  }

  @Test
  void statusPageSaysWhenThePolicyNotAModeratorDecided() {
    policies.replace(Map.of(GuidelineCode.PERSONAL_ATTACK, 0.01), null, "test");
    SubmittedComment auto;
    try {
      auto = submission.submit(CommentFixtures.withText(article.slug(), "you are such an id10t"));
    } finally {
      policies.replace(Map.of(), null, "test");
    }
    SubmittedComment byHand = comment();
    moderation.decide(reject(byHand.id(), "ava@example.org", GuidelineCode.OFF_TOPIC));
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));

    assertThat(statuses.byToken(auto.token()).orElseThrow().decidedAutomatically()).isTrue();
    assertThat(web.get(auto.statusPath()).body())
        .contains("automatic screening policy decided")
        .doesNotContain("A moderator decided");
    assertThat(web.get(byHand.statusPath()).body())
        .contains("A moderator decided")
        .doesNotContain("automatic screening policy");
  }
}
